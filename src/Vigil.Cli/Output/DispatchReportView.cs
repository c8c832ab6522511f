using Vigil.Alerts.Delivery;
using Vigil.Cli.Commands.Shared;

namespace Vigil.Cli.Output;

/// <summary>What a delivery pass did (<c>alert send</c>, <c>alert retry</c>), as a line or JSON; errors go to stderr.</summary>
internal static class DispatchReportView
{
    /// <returns>The verb's exit code: 2 when any alert could not be delivered.</returns>
    public static int Write(DispatchReport report, bool asJson)
    {
        if (asJson)
        {
            JsonOutput.Write(new { sent = report.Sent, retrying = report.Retrying, failed = report.Failed, errors = report.Errors });
        }
        else
        {
            Console.WriteLine($"{report.Sent} sent, {report.Retrying} waiting for a retry, {report.Failed} failed.");
            foreach (var error in report.Errors)
            {
                Console.Error.WriteLine(error);
            }
        }

        return report.Errors.Count == 0 ? CommandRunner.Ok : CommandRunner.Failed;
    }
}
