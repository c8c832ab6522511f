using System.Net;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Endpoints;

public sealed class HealthReadinessTests
{
    [Fact]
    public async Task ReadinessParsesTheModelOnlyWhenTheFileChanges()
    {
        await using var server = await RunningServer.TrainedAsync();
        var model = server.Config.Vigil.ModelPath;
        using var first = await server.Anonymous.GetAsync("/health/ready");

        // Same length and write time, unreadable content: a check that parsed per call would now say 503.
        var written = File.GetLastWriteTimeUtc(model);
        await File.WriteAllBytesAsync(model, new byte[new FileInfo(model).Length]);
        File.SetLastWriteTimeUtc(model, written);
        using var unchanged = await server.Anonymous.GetAsync("/health/ready");

        // A real change (new write time) is noticed.
        File.SetLastWriteTimeUtc(model, written.AddMinutes(1));
        using var changed = await server.Anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, changed.StatusCode);
    }
}
