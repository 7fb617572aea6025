using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TickKernelExtensions.Tests.Display;

/// <summary>Checks on HTML fragments of result views.</summary>
internal static partial class HtmlAssert
{
    /// <summary>
    /// The fragment parses as XML (so every element is closed and every '&amp;' is an entity), table elements are
    /// balanced, and it has no script, external stylesheet or external source.
    /// </summary>
    public static XElement WellFormed(string html)
    {
        var root = XElement.Parse("<root>" + html + "</root>");
        foreach (var tag in new[] { "table", "thead", "tbody", "tr", "th", "td", "div", "span" })
        {
            var open = Regex.Matches(html, $"<{tag}[ >]").Count;
            var close = Regex.Matches(html, $"</{tag}>").Count;
            Assert.True(open == close, $"<{tag}> opened {open} times, closed {close} times");
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(SourceAttribute(), html);
        return root;
    }

    /// <summary>The visible text of the fragment, entities decoded, cells separated by spaces.</summary>
    public static string Text(string html) =>
        string.Join(" ", WellFormed(html).DescendantNodes().OfType<XText>().Select(t => t.Value));

    [GeneratedRegex(@"\s(src|href)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();
}
