namespace Vigil.Pipeline.Configuration;

/// <summary>The seed's <c>[email]</c> section. <see cref="Password"/> is a secret: never print it.</summary>
public sealed record EmailSettings(string SmtpServer, int SmtpPort, string SenderEmail, string? Password, string ReceiverEmail, string Security)
{
    public override string ToString() =>
        $"EmailSettings {{ SmtpServer = {SmtpServer}, SmtpPort = {SmtpPort}, SenderEmail = {SenderEmail}, Password = {(Password is null ? "(none)" : "***")}, ReceiverEmail = {ReceiverEmail}, Security = {Security} }}";
}
