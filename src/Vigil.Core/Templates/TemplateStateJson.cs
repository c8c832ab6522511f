using System.Text.Json.Serialization;

namespace Vigil.Core.Templates;

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TemplateMinerState))]
internal sealed partial class TemplateStateJson : JsonSerializerContext;
