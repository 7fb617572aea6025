namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>A variable declared in a notebook's <c>parameters</c> cell.</summary>
/// <param name="Name">The variable's name (without a leading <c>@</c>).</param>
/// <param name="Identifier">The name as written, e.g. <c>@class</c>; used when declaring it again.</param>
/// <param name="Type">The declared or inferred type, or null when it cannot be known from the syntax (e.g. <c>var x = Compute();</c>).</param>
/// <param name="Declaration">The declaration as written, for messages: <c>var days = 30;</c>.</param>
/// <param name="DefaultText">The initializer as written: <c>30</c>, <c>"EURUSD"</c>; empty when there is none.</param>
/// <param name="Help">The comment after the declaration on the same line, without <c>//</c>; null when none.</param>
public sealed record NotebookParameter(string Name, string Identifier, ParameterType? Type, string Declaration, string DefaultText, string? Help);
