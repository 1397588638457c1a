namespace FerOrleans.Reporting;

/// <summary>The alternative hypothesis of a two-sample test, stated for the first sample x.</summary>
public enum Alternative
{
    /// <summary>The distributions of x and y differ.</summary>
    TwoSided,

    /// <summary>x tends to be smaller than y.</summary>
    Less,

    /// <summary>x tends to be greater than y.</summary>
    Greater,
}
