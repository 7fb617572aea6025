namespace TickKernelExtensions.Storage;

/// <summary>A byte range of an object: <see cref="Length"/> bytes from <see cref="Offset"/> (null length: to the end).</summary>
public readonly record struct ObjectRange(long Offset, long? Length = null)
{
    /// <summary>The HTTP <c>Range</c> header value.</summary>
    public string ToHttpHeader() =>
        Length is { } n ? $"bytes={Offset}-{Offset + n - 1}" : $"bytes={Offset}-";
}
