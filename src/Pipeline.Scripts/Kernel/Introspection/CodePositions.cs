using System.Text;

namespace Pipeline.Scripts.Kernel.Introspection;

/// <summary>Jupyter counts cursor positions in Unicode code points (protocol 5.2); C# strings in UTF-16 units.</summary>
internal static class CodePositions
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoints"/> in <paramref name="text"/>, clamped to its length.</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var n = 0; n < codePoints && index < text.Length; n++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return index;
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="utf16"/>.</summary>
    public static int ToCodePoints(string text, int utf16)
    {
        var count = 0;
        foreach (var _ in text.AsSpan(0, Math.Clamp(utf16, 0, text.Length)).EnumerateRunes())
        {
            count++;
        }
        return count;
    }
}
