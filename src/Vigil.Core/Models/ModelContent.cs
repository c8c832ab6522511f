using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Vigil.Core.Models;

/// <summary>
/// The one serialization of a model (what <c>models/vigil-model.json</c> holds, byte for byte) and the id derived
/// from it: the kind and the first 16 hex digits of the SHA-256 of those bytes, so <c>sha256sum</c> of the file
/// confirms which model scored a verdict, and two trainings that learnt the same thing share an id.
/// </summary>
public static class ModelContent
{
    private const int IdHexDigits = 16;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    // Keyed by reference: a record's `with` makes a new object, so a cached id can never outlive the content it names.
    private static readonly ConditionalWeakTable<ModelDocument, string> Ids = new();

    public static JsonSerializerOptions Options => Json;

    public static byte[] Serialize(ModelDocument model) => JsonSerializer.SerializeToUtf8Bytes(model, Json);

    /// <summary>The id of a model whose serialized form is <paramref name="content"/>.</summary>
    public static string IdOf(string kind, ReadOnlySpan<byte> content) =>
        $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(content))[..IdHexDigits]}";

    internal static string IdOf(ModelDocument model) => Ids.GetValue(model, m => IdOf(m.Kind, Serialize(m)));
}
