using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

public sealed partial class EvtxJsonDumpTests
{
    [Theory]
    [InlineData("system.evtx")]
    [InlineData("Security_with_size_t.evtx")]
    public void JsonLinesCarryTheSameSystemFieldsAsLibevtxWithQualifiersApartFromTheEventId(string name)
    {
        var file = EvtxSamples.Path(name);
        var oracle = EvtxOracle.RunEvtxExport(file);
        var (records, _) = EvtxJsonLines.Read(file);

        Assert.Equal(oracle.Records.Count, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var expected = SystemFields.Parse(oracle.Records[i]);
            var json = records[i];
            var qualifiers = QualifiersPattern().Match(oracle.Records[i]);
            Assert.Equal(expected.RecordId, json.GetProperty("EventRecordID").GetUInt64().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(expected.EventId, json.GetProperty("EventID").GetInt32().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(qualifiers.Success ? qualifiers.Groups[1].Value : null, json.TryGetProperty("Qualifiers", out var q) ? q.GetInt32().ToString(CultureInfo.InvariantCulture) : null);
            Assert.Equal(expected.Level, json.GetProperty("Level").GetInt32().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(expected.Provider, json.GetProperty("Provider").GetString());
            Assert.Equal(expected.Channel, json.GetProperty("Channel").GetString());
            var time = DateTime.Parse(json.GetProperty("TimeCreated").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.Equal(expected.TimeCreated, time);
        }
    }

    [Fact]
    public void EventDataValuesBecomeNamedFields()
    {
        var file = EvtxSamples.Path("new-user-security.evtx");
        var oracle = EvtxOracle.RunEvtxExport(file);
        var (records, _) = EvtxJsonLines.Read(file);

        var data = DataPattern().Matches(oracle.Records[0]);
        Assert.NotEmpty(data);
        foreach (Match m in data)
        {
            Assert.Equal(System.Net.WebUtility.HtmlDecode(m.Groups[2].Value), records[0].GetProperty(m.Groups[1].Value).GetString());
        }
    }

    [GeneratedRegex("<EventID Qualifiers=\"(\\d+)\"")]
    private static partial Regex QualifiersPattern();

    [GeneratedRegex("<Data Name=\"(\\w+)\">([^<]*)</Data>")]
    private static partial Regex DataPattern();
}
