using Vigil.Core;

namespace Vigil.Collectors.Evtx;

/// <summary>An EVTX file, chunk or record does not follow the format; <see cref="Offset"/> says where.</summary>
public sealed class EvtxFormatException : OperatorException
{
    public EvtxFormatException(string message, long offset)
        : base($"{message} (offset 0x{offset:x})")
    {
        Offset = offset;
    }

    /// <summary>The byte offset of the problem, relative to the start of the file or chunk named in the message.</summary>
    public long Offset { get; }
}
