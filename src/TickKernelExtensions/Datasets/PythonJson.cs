using System.Globalization;
using System.Text;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// Strings as Python's <c>json.dumps</c> writes them with its defaults (<c>ensure_ascii=True</c>): printable ASCII
/// as is, <c>\"</c> <c>\\</c> <c>\n</c> <c>\r</c> <c>\t</c> <c>\b</c> <c>\f</c> short, every other character as
/// <c>\u</c> and four lower-case hex digits (characters above U+FFFF as their UTF-16 surrogate pair).
/// </summary>
internal static class PythonJson
{
    public static void AppendString(StringBuilder b, string value)
    {
        b.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                default:
                    if (c is >= ' ' and <= '~')
                    {
                        b.Append(c);
                    }
                    else
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    break;
            }
        }
        b.Append('"');
    }
}
