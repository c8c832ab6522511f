namespace Vigil.Pipeline.Configuration;

/// <summary>Vigil's <c>[api]</c> section for <c>vigil serve</c>. The key and the certificate password are secrets: never print them.</summary>
public sealed record ApiSettings(string Listen, string? ApiKey, int ScheduleMinute)
{
    /// <summary><c>[api] certificate</c>: a PKCS#12 (.pfx) file served on https:// listen addresses.</summary>
    public string? Certificate { get; init; }

    /// <summary><c>[api] certificate_password</c>: the .pfx file's password, if it has one.</summary>
    public string? CertificatePassword { get; init; }

    public override string ToString() =>
        $"ApiSettings {{ Listen = {Listen}, ApiKey = {(ApiKey is null ? "(none)" : "***")}, ScheduleMinute = {ScheduleMinute}, Certificate = {Certificate ?? "(none)"}, CertificatePassword = {(CertificatePassword is null ? "(none)" : "***")} }}";
}
