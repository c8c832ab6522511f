using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Vigil.Alerts.Tests.Support;

/// <summary>Runs Support/smtp_server.py (aiosmtpd) on 127.0.0.1 and reads back what it captured.</summary>
public sealed class SmtpTestServer : IDisposable
{
    public const string User = "vigil@example.test";
    public const string Password = "s3cret-Pa55word";

    private readonly Process _process;
    private readonly string _out;

    private SmtpTestServer(Process process, string output, int port)
    {
        _process = process;
        _out = output;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the server in <paramref name="mode"/> (plain, starttls, tls); with <paramref name="auth"/> it requires <see cref="User"/>/<see cref="Password"/>.</summary>
    public static SmtpTestServer Start(string mode, TestCertificate? certificate = null, bool auth = false, int? port = null)
    {
        var chosen = port ?? FreePort.Next();
        var output = TempDirectory.Create("vigil-smtp");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Support", "smtp_server.py"), "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", output, "--mode", mode })
        {
            start.ArgumentList.Add(arg);
        }

        if (certificate is not null)
        {
            start.ArgumentList.Add("--cert");
            start.ArgumentList.Add(certificate.CertPath);
            start.ArgumentList.Add("--key");
            start.ArgumentList.Add(certificate.KeyPath);
        }

        if (auth)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(User);
            start.ArgumentList.Add("--password");
            start.ArgumentList.Add(Password);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.BeginErrorReadLine();
        var ready = process.StandardOutput.ReadLine();
        if (ready != "READY")
        {
            process.WaitForExit(5000);
            throw new InvalidOperationException($"smtp_server.py did not start: {ready} {errors}");
        }

        return new SmtpTestServer(process, output, chosen);
    }

    public IReadOnlyList<CapturedMail> Messages() =>
        [.. Directory.GetFiles(_out, "*.json").Order(StringComparer.Ordinal).Select(Read)];

    /// <summary>Forgets what was captured so far, for tests that share one server.</summary>
    public void Clear()
    {
        foreach (var file in Directory.GetFiles(_out))
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_out, recursive: true);
        }
    }

    private static CapturedMail Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var data = Encoding.UTF8.GetBytes(root.GetProperty("data").GetString()!);
        using var stream = new MemoryStream(data);
        return new CapturedMail(
            root.GetProperty("mail_from").GetString()!,
            [.. root.GetProperty("rcpt_tos").EnumerateArray().Select(e => e.GetString()!)],
            MimeMessage.Load(stream));
    }
}
