using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>
/// The type of a declaration from syntax alone: an explicit type (<c>int</c>, <c>DateTime</c>,
/// <c>string[]</c>, <c>int?</c> as <c>int</c>), or for <c>var</c> the type of the initializer —
/// a literal (<c>30</c> int, <c>30L</c> long, <c>1.5</c> double, <c>1.5m</c> decimal, <c>1.5f</c>
/// float, <c>true</c>, <c>"text"</c>, <c>'c'</c>), <c>new DateTime(…)</c>, <c>DateTime.Parse(…)</c>,
/// <c>TimeSpan.FromHours(…)</c>, <c>DateOnly.FromDateTime(…)</c>, <c>DateTime.UtcNow</c>, a cast,
/// <c>new[] { … }</c> or <c>new int[] { … }</c>. Anything else is unknown (null).
/// </summary>
public static class ParameterTypeInference
{
    // Static members of DateTime/DateOnly/TimeSpan that return the type itself.
    private static readonly HashSet<string> SelfReturningMethods = new(StringComparer.Ordinal)
    {
        "Parse", "ParseExact", "SpecifyKind", "FromDateTime", "FromDayNumber", "FromOADate", "FromBinary", "FromFileTime", "FromFileTimeUtc",
        "FromDays", "FromHours", "FromMinutes", "FromSeconds", "FromMilliseconds", "FromMicroseconds", "FromTicks",
    };

    private static readonly HashSet<string> SelfReturningProperties = new(StringComparer.Ordinal)
    {
        "Now", "UtcNow", "Today", "MinValue", "MaxValue", "Zero", "UnixEpoch",
    };

    /// <summary>The type named by <paramref name="type"/>, or null when it is not a supported one.</summary>
    public static ParameterType? OfTypeSyntax(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => OfTypeSyntax(nullable.ElementType),
        ArrayTypeSyntax { RankSpecifiers.Count: 1 } array when array.RankSpecifiers[0].Rank == 1
            => OfTypeSyntax(array.ElementType) is { IsArray: false } element ? element with { IsArray = true } : null,
        PredefinedTypeSyntax predefined => KindOfKeyword(predefined.Keyword.Kind()) is { } kind ? new ParameterType(kind) : null,
        _ => KindOfName(type.ToString()) is { } named ? new ParameterType(named) : null,
    };

    /// <summary>The type of the initializer <paramref name="expression"/> of a <c>var</c> declaration, or null when unknown.</summary>
    public static ParameterType? OfExpression(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => OfLiteral(literal),
        InterpolatedStringExpressionSyntax => new ParameterType(ParameterKind.String),
        ParenthesizedExpressionSyntax parenthesized => OfExpression(parenthesized.Expression),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } unary
            => OfExpression(unary.Operand) is { IsArray: false, Kind: not (ParameterKind.Bool or ParameterKind.String or ParameterKind.Char) } numeric ? numeric : null,
        CastExpressionSyntax cast => OfTypeSyntax(cast.Type),
        ObjectCreationExpressionSyntax creation => KindOfName(creation.Type.ToString()) is { } kind ? new ParameterType(kind) : null,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            when SelfReturningMethods.Contains(access.Name.Identifier.ValueText) && KindOfName(access.Expression.ToString()) is { } kind
            => new ParameterType(kind),
        MemberAccessExpressionSyntax access
            when SelfReturningProperties.Contains(access.Name.Identifier.ValueText) && KindOfName(access.Expression.ToString()) is { } kind
            => new ParameterType(kind),
        ArrayCreationExpressionSyntax creation => OfTypeSyntax(creation.Type),
        ImplicitArrayCreationExpressionSyntax implicitArray => OfImplicitArray(implicitArray),
        _ => null,
    };

    private static ParameterType? OfLiteral(LiteralExpressionSyntax literal) => literal.Kind() switch
    {
        SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => new ParameterType(ParameterKind.Bool),
        SyntaxKind.StringLiteralExpression => new ParameterType(ParameterKind.String),
        SyntaxKind.CharacterLiteralExpression => new ParameterType(ParameterKind.Char),
        SyntaxKind.NumericLiteralExpression => literal.Token.Value switch
        {
            int => new ParameterType(ParameterKind.Int),
            long => new ParameterType(ParameterKind.Long),
            double => new ParameterType(ParameterKind.Double),
            float => new ParameterType(ParameterKind.Float),
            decimal => new ParameterType(ParameterKind.Decimal),
            _ => null,
        },
        _ => null,
    };

    // C#'s best common type for the elements we support: equal kinds, or numeric kinds widened.
    private static ParameterType? OfImplicitArray(ImplicitArrayCreationExpressionSyntax array)
    {
        ParameterKind? best = null;
        foreach (var element in array.Initializer.Expressions)
        {
            if (OfExpression(element) is not { IsArray: false, Kind: var kind })
            {
                return null;
            }
            best = best is null ? kind : Widen(best.Value, kind);
            if (best is null)
            {
                return null;
            }
        }
        return best is { } k ? new ParameterType(k, IsArray: true) : null;
    }

    private static ParameterKind? Widen(ParameterKind a, ParameterKind b)
    {
        if (a == b)
        {
            return a;
        }
        ParameterKind[] order = [ParameterKind.Int, ParameterKind.Long, ParameterKind.Float, ParameterKind.Double];
        int ia = Array.IndexOf(order, a), ib = Array.IndexOf(order, b);
        if (ia >= 0 && ib >= 0)
        {
            return order[Math.Max(ia, ib)];
        }
        if ((a, b) is (ParameterKind.Decimal, ParameterKind.Int or ParameterKind.Long) or (ParameterKind.Int or ParameterKind.Long, ParameterKind.Decimal))
        {
            return ParameterKind.Decimal;
        }
        return null;
    }

    private static ParameterKind? KindOfKeyword(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.IntKeyword => ParameterKind.Int,
        SyntaxKind.LongKeyword => ParameterKind.Long,
        SyntaxKind.DoubleKeyword => ParameterKind.Double,
        SyntaxKind.FloatKeyword => ParameterKind.Float,
        SyntaxKind.DecimalKeyword => ParameterKind.Decimal,
        SyntaxKind.BoolKeyword => ParameterKind.Bool,
        SyntaxKind.StringKeyword => ParameterKind.String,
        SyntaxKind.CharKeyword => ParameterKind.Char,
        _ => null,
    };

    private static ParameterKind? KindOfName(string name) => name.Replace("global::", "", StringComparison.Ordinal) switch
    {
        "DateTime" or "System.DateTime" => ParameterKind.DateTime,
        "DateOnly" or "System.DateOnly" => ParameterKind.DateOnly,
        "TimeSpan" or "System.TimeSpan" => ParameterKind.TimeSpan,
        "Int32" or "System.Int32" => ParameterKind.Int,
        "Int64" or "System.Int64" => ParameterKind.Long,
        "Double" or "System.Double" => ParameterKind.Double,
        "Single" or "System.Single" => ParameterKind.Float,
        "Decimal" or "System.Decimal" => ParameterKind.Decimal,
        "Boolean" or "System.Boolean" => ParameterKind.Bool,
        "String" or "System.String" => ParameterKind.String,
        "Char" or "System.Char" => ParameterKind.Char,
        _ => null,
    };
}
