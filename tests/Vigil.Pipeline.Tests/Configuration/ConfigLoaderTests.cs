using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Ini(string text)
    {
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void TheShippedConfigHoldsTheSeedDefaults()
    {
        var shipped = Path.Combine(SharedData.RepositoryRoot, "config", "config.ini");

        var config = ConfigLoader.Load(shipped);

        Assert.Equal(("System", 24, 0.05, 100, 42), (config.Detection.LogType, config.Detection.CollectionHours, config.Detection.Contamination, config.Detection.NEstimators, config.Detection.RandomState));
        Assert.Equal((false, false), (config.Alerts.EnableEmail, config.Alerts.EnableSlack));
        Assert.Equal(("smtp.gmail.com", 587), (config.Email.SmtpServer, config.Email.SmtpPort));
        Assert.Equal("http://127.0.0.1:5000", config.Api.Listen);
        Assert.Equal((24, 48), (config.Detection.FutureToleranceHours, config.Detection.MinTrainingHours));
    }

    [Theory]
    [InlineData("[detection]\ncontamination = 0.7", "[detection] contamination = '0.7' must be greater than 0 and at most 0.5")]
    [InlineData("[detection]\ncontamination = 0", "[detection] contamination = '0' must be greater than 0 and at most 0.5")]
    [InlineData("[detection]\ncontamination = lots", "[detection] contamination = 'lots' is not a number")]
    [InlineData("[detection]\nn_estimators = 0", "[detection] n_estimators = '0' must be between 1 and 10000")]
    [InlineData("[email]\nsmtp_port = abc", "[email] smtp_port = 'abc' is not a whole number")]
    [InlineData("[vigil]\nmin_level = Loud", "[vigil] min_level = 'Loud' is not a level name")]
    [InlineData("[alerts]\nenable_email_notifications = maybe", "[alerts] enable_email_notifications = 'maybe' is not true or false")]
    [InlineData("[detection]\nmodel = magic", "[detection] model = 'magic' is not a model")]
    [InlineData("[detection]\nmin_training_hours = 1", "[detection] min_training_hours = '1' must be between 2 and 168")]
    [InlineData("[detection]\nfuture_tolerance_hours = -1", "[detection] future_tolerance_hours = '-1' must be between 0 and 8784")]
    public void AnInvalidValueStopsWithOneLineNamingTheFileSectionKeyAndValue(string ini, string expected)
    {
        var path = Ini(ini);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnExplicitConfigFileThatDoesNotExistIsAnError()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(_dir, "missing.ini")));

        Assert.Contains("config file not found", error.Message);
    }

    [Fact]
    public void ALineThatIsNotIniIsReportedWithTheFile()
    {
        var path = Ini("[detection]\nthis is not a setting\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void EnvironmentVariablesOverrideTheFileSoSecretsNeedNotSitInIt()
    {
        var path = Ini("[email]\npassword = from-file\nsender_email = file@example.com\n");
        Environment.SetEnvironmentVariable("VIGIL_EMAIL__PASSWORD", "from-env-secret");
        try
        {
            var config = ConfigLoader.Load(path);

            Assert.Equal("from-env-secret", config.Email.Password);
            Assert.Equal("file@example.com", config.Email.SenderEmail);
            Assert.DoesNotContain("from-env-secret", config.Email.ToString());
            Assert.DoesNotContain("from-env-secret", config.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_EMAIL__PASSWORD", null);
        }
    }

    [Fact]
    public void PythonStyleBooleansOfTheSeedConfigAreAccepted()
    {
        var config = ConfigLoader.Load(Ini("[alerts]\nenable_email_notifications = True\nenable_slack_notifications = no\n"));

        Assert.True(config.Alerts.EnableEmail);
        Assert.False(config.Alerts.EnableSlack);
    }
}
