namespace Vigil.Api.Contracts;

/// <summary>
/// Optional body of <c>POST /setup</c> and <c>POST /detect</c>: the end of the range (ISO 8601), how many hours, and
/// (setup) <c>force</c> to train on a week too sparse to learn from.
/// The source is always the configured one: a caller cannot point the server at another file.
/// </summary>
public sealed record RunBody(DateTimeOffset? Now, int? Hours, bool? Force = null)
{
    public const int MaxHours = Vigil.Core.Windows.HourRange.MaxHours;

    /// <summary>A one-line reason the body cannot be used, or null.</summary>
    public string? Problem() => Hours is < 1 or > MaxHours ? $"hours must be between 1 and {MaxHours}" : null;
}
