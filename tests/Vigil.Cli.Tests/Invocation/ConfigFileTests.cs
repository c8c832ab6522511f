using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>The config file as a new user gets it wrong: a folder where the file should be, a mistyped key.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-config-file-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ADefaultConfigPathThatIsAFolderIsExit2NotTheDefaults()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config", "config.ini"));

        var result = await VigilProcess.RunAsync(_dir, "status");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("config/config.ini: is a folder, not a config file; point --config at the .ini file, or remove the folder to run on the defaults", result.Error.Trim());
    }

    [Fact]
    public async Task AMistypedKeyIsOneWarningLineAndTheVerbStillRuns()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        File.WriteAllText(Path.Combine(_dir, "config", "config.ini"), "[email]\nsmtp_sever = mail.example.com ; our relay\n");

        var result = await VigilProcess.RunAsync(_dir, "status", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("warning: config/config.ini: [email] unknown key 'smtp_sever' (did you mean 'smtp_server'?); ignored", result.Error.Trim());
    }
}
