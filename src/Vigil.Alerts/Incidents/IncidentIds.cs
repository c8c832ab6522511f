using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Alerts.Incidents;

/// <summary>Readable, stable incident ids: the first hour and a short hash of the source (<c>2025010110-3fa9c2</c>).</summary>
internal static class IncidentIds
{
    public static string For(string source, DateTime firstHour) =>
        firstHour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..6];
}
