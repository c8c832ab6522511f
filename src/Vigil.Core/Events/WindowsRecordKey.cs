using System.Globalization;

namespace Vigil.Core.Events;

/// <summary>
/// The identity of one Windows event record, whether read from an .evtx file or a live channel. EventRecordID alone is
/// not enough: a reverted VM or a cleared log numbers its records again from an earlier point, so two captures of one
/// machine reuse ids for different records. No log writes two records with the same id in the same millisecond, so
/// computer + channel + EventRecordID + TimeCreated (to the millisecond, the precision the store keeps times at) tells
/// them apart, while a second read or copy of the same export still gives the same key and is stored once. Keys stored
/// by Vigil 1 (computer/channel/EventRecordID) are given their time when the store is upgraded, so an upgraded store
/// does not store its records a second time.
/// </summary>
public static class WindowsRecordKey
{
    public static string Create(string computer, string channel, ulong recordId, DateTime timeCreated) =>
        Create(computer, channel, recordId.ToString(CultureInfo.InvariantCulture), timeCreated);

    public static string Create(string computer, string channel, string recordId, DateTime timeCreated) =>
        $"{computer}/{channel}/{recordId}/{timeCreated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}";
}
