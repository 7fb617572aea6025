using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// Writes a string as a YAML scalar that reads back as the same string under YAML 1.1 and 1.2 (ruamel, PyYAML,
/// YamlDotNet): plain when it is unambiguous (as DVC's <c>md5: acbd18db…</c> and <c>path: data</c>), single-quoted
/// when it could read as a number, boolean, null or date or holds YAML punctuation, double-quoted with escapes when it
/// holds control characters.
/// </summary>
internal static partial class YamlScalar
{
    public static string Format(string value)
    {
        if (value.Any(c => char.IsControl(c)))
        {
            var b = new StringBuilder("\"");
            foreach (var c in value)
            {
                b.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\t' => "\\t",
                    '\r' => "\\r",
                    _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }
            return b.Append('"').ToString();
        }
        return IsPlainSafe(value) ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlainSafe(string value) =>
        Plain().IsMatch(value) && !value.EndsWith(':') && !NumberLike().IsMatch(value) && !Sexagesimal().IsMatch(value)
        && !DateLike().IsMatch(value) && !Reserved().IsMatch(value);

    // A colon is plain unless a space or the end follows it (then it would start a mapping).
    [GeneratedRegex("^[A-Za-z0-9_./][A-Za-z0-9_./@+=:-]*$")]
    private static partial Regex Plain();

    // Integers and floats of YAML 1.1 and 1.2 (including 1e5 without a dot), hex, octal and binary.
    [GeneratedRegex("^([-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9_]+([eE][-+]?[0-9]+)?|0[xob][0-9a-fA-F_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$")]
    private static partial Regex NumberLike();

    // YAML 1.1 reads 1:30 as the integer 5400.
    [GeneratedRegex("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$")]
    private static partial Regex Sexagesimal();

    [GeneratedRegex("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex DateLike();

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$")]
    private static partial Regex Reserved();
}
