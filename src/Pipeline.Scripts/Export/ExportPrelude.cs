namespace Pipeline.Scripts.Export;

/// <summary>
/// The helper class every exported app ends with: command-line parameters converted to their declared
/// types (<c>--name value</c>, invariant culture, arrays as <c>a,b,c</c>), and the notebook's
/// <c>display</c>/<c>HTML</c>/trailing-value output printed as <c>text/plain</c> through the same
/// formatters the notebooks use.
/// </summary>
internal static class ExportPrelude
{
    public const string ClassName = "NotebookApp";

    public const string Source = """
        /// <summary>What the notebook hosts provided: parameters from the command line, display as text.</summary>
        static class NotebookApp
        {
            static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

            /// <summary>The folder of this file: cells ran with the notebook's folder as working directory.</summary>
            public static string Folder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

            /// <summary>Fails with the usage when an option is not a parameter; prints it for --help.</summary>
            public static void CheckArguments(string[] args, params (string Name, string Type, string Default)[] parameters)
            {
                var names = parameters.Select(p => "--" + p.Name).ToHashSet();
                var usage = "Parameters (--name value):\n" + string.Join("\n", parameters.Select(p => $"  --{p.Name} <{p.Type}>  (default: {p.Default})"));
                for (var i = 0; i < args.Length; i++)
                {
                    if (args[i] is "--help" or "-h" or "-?")
                    {
                        Console.WriteLine(usage);
                        Environment.Exit(0);
                    }
                    if (!names.Contains(args[i]) || i + 1 >= args.Length)
                    {
                        Console.Error.WriteLine(names.Contains(args[i]) ? $"error: {args[i]} expects a value" : $"error: unknown option '{args[i]}'; expected one of the parameters below\n{usage}");
                        Environment.Exit(3);
                    }
                    i++;
                }
            }

            /// <summary>The value of --name converted to T, or the notebook's default.</summary>
            public static T Parameter<T>(string[] args, string name, T fallback)
            {
                for (var i = 0; i < args.Length - 1; i++)
                {
                    if (args[i] == "--" + name)
                    {
                        try
                        {
                            return (T)Convert(args[i + 1], typeof(T));
                        }
                        catch (Exception e) when (e is FormatException or OverflowException)
                        {
                            Console.Error.WriteLine($"error: --{name}: expected a {typeof(T).Name}, got '{args[i + 1]}' ({e.Message})");
                            Environment.Exit(3);
                        }
                    }
                }
                return fallback;
            }

            static object Convert(string text, Type type)
            {
                if (type.IsArray)
                {
                    var items = text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    var array = Array.CreateInstance(type.GetElementType()!, items.Length);
                    for (var i = 0; i < items.Length; i++)
                    {
                        array.SetValue(Convert(items[i], type.GetElementType()!), i);
                    }
                    return array;
                }
                if (type == typeof(string)) return text;
                if (type == typeof(DateTime)) return DateTime.Parse(text, Invariant, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
                if (type == typeof(DateOnly)) return DateOnly.Parse(text, Invariant);
                if (type == typeof(TimeSpan)) return TimeSpan.Parse(text, Invariant);
                if (type == typeof(bool)) return bool.Parse(text);
                return System.Convert.ChangeType(text, type, Invariant);
            }

            /// <summary>A cell's trailing value or a displayed value, printed as the notebook's text/plain.</summary>
            public static DisplayHandle Show(object? value)
            {
                Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
                return new DisplayHandle();
            }

            /// <summary>Marks HTML, as the notebook hosts' HTML(...) does.</summary>
            public static Microsoft.AspNetCore.Html.IHtmlContent Html(string html) => new Microsoft.AspNetCore.Html.HtmlString(html);

            /// <summary>What display(...) returns: Update prints the new value.</summary>
            public sealed class DisplayHandle
            {
                public void Update(object? value) => Show(value);
            }
        }
        """;
}
