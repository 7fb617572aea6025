namespace TickKernelExtensions.Modeling.Splits;

/// <summary>
/// One split of a sample set: a <see cref="SplitRole"/> per sample, in the samples' input order. Immutable.
/// </summary>
public sealed class SampleSplit
{
    private readonly SplitRole[] _roles;

    internal SampleSplit(SplitRole[] roles, int fold)
    {
        _roles = roles;
        Fold = fold;
    }

    /// <summary>
    /// A split from roles made elsewhere (a hand-made or external split), e.g. to prove it clean with
    /// <see cref="SplitCheck"/> before training on it.
    /// </summary>
    public static SampleSplit FromRoles(ReadOnlySpan<SplitRole> roles, int fold = -1)
    {
        for (var i = 0; i < roles.Length; i++)
        {
            if (!Enum.IsDefined(roles[i]))
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "Unknown split role.")
                {
                    Field = "roles",
                    Row = i,
                    Expected = "a SplitRole",
                    Actual = ((int)roles[i]).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
            }
        }
        return new SampleSplit(roles.ToArray(), fold);
    }

    /// <summary>The fold number (0-based) of a k-fold split; −1 for a chronological split.</summary>
    public int Fold { get; }

    /// <summary>Number of samples.</summary>
    public int Count => _roles.Length;

    /// <summary>The role of each sample, in input order.</summary>
    public ReadOnlySpan<SplitRole> Roles => _roles;

    /// <summary>How many samples have <paramref name="role"/>.</summary>
    public int CountOf(SplitRole role)
    {
        var n = 0;
        foreach (var r in _roles)
        {
            if (r == role)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>The indices (ascending) of the samples with <paramref name="role"/>.</summary>
    public int[] Indices(SplitRole role)
    {
        var result = new int[CountOf(role)];
        var k = 0;
        for (var i = 0; i < _roles.Length; i++)
        {
            if (_roles[i] == role)
            {
                result[k++] = i;
            }
        }
        return result;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"fold {Fold}: train {CountOf(SplitRole.Train)}, validation {CountOf(SplitRole.Validation)}, test {CountOf(SplitRole.Test)}, " +
        $"purged {CountOf(SplitRole.Purged)}, embargoed {CountOf(SplitRole.Embargoed)}";
}
