namespace FerOrleans.Learning.Data;

/// <summary>
/// What a FER+ import does with contempt votes. Contempt has no FER2013 label id, so it cannot be kept as a class.
/// </summary>
public enum FerPlusContemptPolicy
{
    /// <summary>Rows whose majority is contempt are dropped; other rows keep their contempt votes in the count.</summary>
    Drop,

    /// <summary>Contempt votes are removed before the majority vote, so a row whose majority was contempt gets the
    /// label with the most remaining votes (or is dropped when that is unknown, NF or a tie).</summary>
    Revote,
}
