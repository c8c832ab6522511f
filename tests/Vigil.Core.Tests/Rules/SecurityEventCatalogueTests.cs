using Vigil.Core.Detection;
using Vigil.Core.Rules;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Rules;

public sealed class SecurityEventCatalogueTests
{
    [Theory]
    [InlineData("Microsoft-Windows-Eventlog", 1102, AnomalySeverity.High)]
    [InlineData("Microsoft-Windows-Security-Auditing", 4719, AnomalySeverity.High)]
    [InlineData("Microsoft-Windows-Security-Auditing", 4624, AnomalySeverity.Low)]
    [InlineData("Service Control Manager", 7045, AnomalySeverity.High)]
    [InlineData("Microsoft-Windows-Sysmon", 8, AnomalySeverity.High)]
    [InlineData("Microsoft-Windows-Sysmon", 1, AnomalySeverity.Low)]
    [InlineData("Microsoft-Windows-PowerShell", 4104, AnomalySeverity.Medium)]
    [InlineData("microsoft-windows-sysmon", 16, AnomalySeverity.High)]
    public void TheShippedCatalogueGradesSecurityEventsOfEachChannel(string provider, long id, AnomalySeverity expected)
    {
        Assert.Equal(expected, SecurityEventCatalogue.Default.Find(new EventKey(provider, id))?.Severity);
    }

    [Fact]
    public void AnEventIdMeansNothingUnderAnotherProvider()
    {
        // Sysmon 8 is CreateRemoteThread; event 8 of another provider is something else entirely.
        Assert.Null(SecurityEventCatalogue.Default.Find(new EventKey("Microsoft-Windows-Kernel-General", 8)));
    }

    [Fact]
    public void AnOverrideRegradesAnEntryAndKeepsItsMeaning()
    {
        var catalogue = SecurityEventCatalogue.Default.With([new WatchedEvent("Service Control Manager", 7040, AnomalySeverity.Medium, "")]);

        var entry = catalogue.Find(new EventKey("Service Control Manager", 7040));

        Assert.Equal(AnomalySeverity.Medium, entry?.Severity);
        Assert.Equal("a service's start type was changed", entry?.Meaning);
        Assert.Equal(AnomalySeverity.Low, SecurityEventCatalogue.Default.Find(new EventKey("Service Control Manager", 7040))?.Severity);
    }

    [Theory]
    [InlineData("Service Control Manager/7045", "Service Control Manager/7045")]
    [InlineData(" 123456 ", "123456")]
    [InlineData("a/b/42", "a/b/42")]
    public void KindsAreReadAsProviderSlashIdOrABareId(string kind, string normalized)
    {
        Assert.Equal(normalized, AcceptedKinds.Normalize(kind));
    }

    [Theory]
    [InlineData("Service Control Manager")]
    [InlineData("/7045")]
    [InlineData("")]
    public void ANonKindIsRefused(string kind)
    {
        Assert.Throws<ArgumentException>(() => AcceptedKinds.Normalize(kind));
    }
}
