using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Endpoints;

public sealed class SecretsTests
{
    private const string ApiKey = "api-key-secret-7c1d";
    private const string EmailPassword = "email-password-secret-52ab";
    private const string SlackUrl = "https://hooks.slack.invalid/services/slack-secret-91ee";
    private const string WebhookSecret = "webhook-hmac-secret-3f08";

    [Fact]
    public async Task NoConfiguredSecretAppearsInAnyAnswer()
    {
        await using var server = await RunningServer.TrainedAsync(c => c with
        {
            Api = c.Api with { ApiKey = ApiKey },
            Email = c.Email with { Password = EmailPassword },
            Slack = c.Slack with { WebhookUrl = SlackUrl },
            Webhook = c.Webhook with { Secret = WebhookSecret },
        });
        var requests = new[]
        {
            ("GET", "/status"), ("GET", "/health"), ("GET", "/health/ready"), ("GET", "/hours"), ("GET", "/anomalies"), ("GET", "/runs"),
            ("GET", "/jobs/unknown"), ("GET", "/openapi/v1.json"), ("POST", "/detect"), ("POST", "/setup?wait=true"), ("GET", "/"),
        };

        var bodies = new List<string>();
        foreach (var (method, path) in requests)
        {
            foreach (var key in new[] { ApiKey, null })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
                }

                if (key is not null)
                {
                    request.Headers.Add("X-Api-Key", key);
                }

                using var response = await server.Anonymous.SendAsync(request);
                bodies.Add(string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(',', h.Value)}")) + await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Contains(bodies, b => b.Contains("\"model_exists\":true", StringComparison.Ordinal));
        foreach (var secret in new[] { ApiKey, EmailPassword, SlackUrl, WebhookSecret })
        {
            Assert.DoesNotContain(bodies, b => b.Contains(secret, StringComparison.Ordinal));
        }
    }
}
