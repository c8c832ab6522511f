using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Polly;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Formatting;

namespace Vigil.Alerts.Channels.Email;

/// <summary>Sends the alert by SMTP (MailKit) as text and HTML, retrying connect and 4xx failures with backoff.</summary>
internal sealed class SmtpAlertChannel : IAlertChannel
{
    private readonly EmailOptions _options;
    private readonly DeliveryRetryOptions _retry;
    private readonly ResiliencePipeline _pipeline;

    public SmtpAlertChannel(EmailOptions options, DeliveryRetryOptions retry)
    {
        _options = options;
        _retry = retry;
        _pipeline = DeliveryPipelines.ForChannel(retry);
    }

    public string Name => "email";

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        using var message = Compose(alert);
        try
        {
            await _pipeline.ExecuteAsync(async token => await SendOnceAsync(message, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            throw new AlertDeliveryException($"email: {_options.SmtpServer}:{_options.SmtpPort} did not complete the exchange in time (gave up after {_retry.SendTimeout.TotalSeconds:0} s; the outbox tries again later)", isTransient: true);
        }
    }

    internal MimeMessage Compose(Alert alert)
    {
        var message = new MimeMessage();
        message.From.Add(Address(_options.SenderEmail, "sender_email"));
        foreach (var receiver in _options.ReceiverEmail.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            message.To.Add(Address(receiver, "receiver_email"));
        }

        if (message.To.Count == 0)
        {
            throw new AlertDeliveryException("email: [email] receiver_email is empty.", isTransient: false);
        }

        message.Subject = AlertText.Subject(alert);
        message.Body = new BodyBuilder { TextBody = AlertText.PlainText(alert), HtmlBody = AlertText.Html(alert) }.ToMessageBody();
        return message;
    }

    private static MailboxAddress Address(string text, string key) =>
        MailboxAddress.TryParse(text, out var address)
            ? address
            : throw new AlertDeliveryException($"email: [email] {key} has '{text}', which is not an email address.", isTransient: false);

    private SecureSocketOptions SocketOptions() => _options.Security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => _options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_retry.AttemptTimeout.TotalMilliseconds };
        if (_options.ServerCertificateValidation is { } validate)
        {
            client.ServerCertificateValidationCallback = validate;
        }

        try
        {
            await client.ConnectAsync(_options.SmtpServer, _options.SmtpPort, SocketOptions(), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.Password))
            {
                await client.AuthenticateAsync(_options.UserName ?? _options.SenderEmail, _options.Password, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not AlertDeliveryException && !cancellationToken.IsCancellationRequested)
        {
            throw SmtpFailure.From(ex, _options);
        }
    }
}
