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

    [Fact]
    public void ResolvedMessagesAreOnUnlessSwitchedOff()
    {
        Assert.True(ConfigLoader.Load(Ini("[alerts]\ncooldown_minutes = 30")).Alerts.SendResolved);
        Assert.False(ConfigLoader.Load(Ini("[alerts]\nsend_resolved = False")).Alerts.SendResolved);
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

    [Fact]
    public void TheOriginalToolsConfigWithCommentsAfterValuesLoadsAsItIs()
    {
        var path = Ini("""
            [detection]
            log_type = Application ; System, Application or Security
            collection_hours = 12   ; hours per detection cycle
            contamination = 0.1 # share of outliers
            n_estimators = 100
            random_state = 42

            [alerts]
            enable_email_notifications = True ; send mail
            enable_slack_notifications = False

            [email]
            smtp_server = smtp.gmail.com
            smtp_port = 465 ; TLS
            sender_email = your_email@gmail.com
            password = "app;password ; with a semicolon"
            receiver_email = receiver_email@example.com

            [slack]
            webhook_url = https://hooks.slack.com/services/YOUR/WEBHOOK/URL ; from Slack's app page
            """);
        var warnings = new List<string>();

        var config = ConfigLoader.Load(path, warnings.Add);

        Assert.Equal(("Application", 12, 0.1), (config.Detection.LogType, config.Detection.CollectionHours, config.Detection.Contamination));
        Assert.True(config.Alerts.EnableEmail);
        Assert.Equal(465, config.Email.SmtpPort);
        Assert.Equal("app;password ; with a semicolon", config.Email.Password);
        Assert.Equal("https://hooks.slack.com/services/YOUR/WEBHOOK/URL", config.Slack.WebhookUrl);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AnUnknownKeyIsOneWarningNamingItAndTheClosestKnownKey()
    {
        var path = Ini("[detection]\ncolection_hours = 12\n");
        var warnings = new List<string>();

        var config = ConfigLoader.Load(path, warnings.Add);

        Assert.Equal($"{path}: [detection] unknown key 'colection_hours' (did you mean 'collection_hours'?); ignored", Assert.Single(warnings));
        Assert.Equal(24, config.Detection.CollectionHours);
        Assert.Equal(warnings, config.Warnings);
    }

    [Fact]
    public void AnUnknownSectionIsOneWarningNamingTheClosestKnownSection()
    {
        var path = Ini("[alert]\nenable_email_notifications = True\n");
        var warnings = new List<string>();

        var config = ConfigLoader.Load(path, warnings.Add);

        Assert.Equal($"{path}: unknown section [alert] (did you mean [alerts]?); its keys are ignored", Assert.Single(warnings));
        Assert.False(config.Alerts.EnableEmail);
    }

    [Fact]
    public void EveryKeyOfTheShippedConfigIsKnown()
    {
        var warnings = new List<string>();

        ConfigLoader.Load(Path.Combine(SharedData.RepositoryRoot, "config", "config.ini"), warnings.Add);

        Assert.Empty(warnings);
    }

    [Fact]
    public void AConfigPathThatIsAFolderIsAnError()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "config.ini")).FullName;

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(folder));

        Assert.Equal($"{folder}: is a folder, not a config file; point --config at the .ini file, or remove the folder to run on the defaults", error.Message);
    }

    [Fact]
    public void AnInvalidEnvironmentOverrideNamesTheVariableNotTheFile()
    {
        var path = Ini("[email]\nsmtp_port = 587\n");
        Environment.SetEnvironmentVariable("VIGIL_EMAIL__SMTP_PORT", "abc");
        try
        {
            var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

            Assert.Equal("environment: VIGIL_EMAIL__SMTP_PORT = 'abc' is not a whole number", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_EMAIL__SMTP_PORT", null);
        }
    }

    [Fact]
    public void AnEnvironmentVariableThatSetsNoKnownKeyIsAWarningNamingIt()
    {
        Environment.SetEnvironmentVariable("VIGIL_SLACK__WEBHOOK", "https://hooks.example/x");
        try
        {
            var warnings = new List<string>();

            ConfigLoader.Load(Ini("[slack]\n"), warnings.Add);

            Assert.Equal("environment: VIGIL_SLACK__WEBHOOK sets no known setting (did you mean VIGIL_SLACK__WEBHOOK_URL?); ignored", Assert.Single(warnings));
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_SLACK__WEBHOOK", null);
        }
    }
}
