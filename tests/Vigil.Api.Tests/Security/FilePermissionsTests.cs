using System.Net;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Security;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilePermissionsTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task WhatServeAndSetupCreateIsReadableByItsOwnerOnly()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var setup = await server.PostJsonAsync("/setup?wait=true", "{}");

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var data = server.Config.Vigil.DataDir;
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(data));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(server.Config.Vigil.ModelsDir));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(Path.Combine(server.Config.Vigil.ModelsDir, "vigil-model.history")));
        foreach (var file in new[] { Path.Combine(data, "vigil.db"), Path.Combine(data, "vigil.lock"), Path.Combine(data, "api-key"), server.Config.Vigil.ModelPath })
        {
            Assert.True(OwnerFile == File.GetUnixFileMode(file), $"{file} is {File.GetUnixFileMode(file)}");
        }
    }
}
