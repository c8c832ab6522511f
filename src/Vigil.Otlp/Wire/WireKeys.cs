using System.Text;

namespace Vigil.Otlp.Wire;

/// <summary>The attribute and body keys the mapping looks up, as UTF-8 (the names themselves are <see cref="VigilAttributes"/>).</summary>
internal static class WireKeys
{
    public static readonly byte[] HostName = Encoding.UTF8.GetBytes(VigilAttributes.HostName);
    public static readonly byte[] ServiceName = Encoding.UTF8.GetBytes(VigilAttributes.ServiceName);
    public static readonly byte[] LogFileName = Encoding.UTF8.GetBytes(VigilAttributes.LogFileName);
    public static readonly byte[] Source = Encoding.UTF8.GetBytes(VigilAttributes.Source);
    public static readonly byte[] RecordKey = Encoding.UTF8.GetBytes(VigilAttributes.RecordKey);
    public static readonly byte[] EventId = Encoding.UTF8.GetBytes(VigilAttributes.EventId);
    public static readonly byte[] Provider = Encoding.UTF8.GetBytes(VigilAttributes.Provider);
    public static readonly byte[] Channel = Encoding.UTF8.GetBytes(VigilAttributes.Channel);
    public static readonly byte[] Computer = Encoding.UTF8.GetBytes(VigilAttributes.Computer);
}
