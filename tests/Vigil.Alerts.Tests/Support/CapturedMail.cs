using MimeKit;

namespace Vigil.Alerts.Tests.Support;

/// <summary>One message as the test SMTP server received it: the envelope and the parsed MIME message.</summary>
public sealed record CapturedMail(string MailFrom, IReadOnlyList<string> RcptTos, MimeMessage Message);
