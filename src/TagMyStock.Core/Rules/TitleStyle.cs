namespace TagMyStock.Core.Rules;

/// <summary>How the user wants titles capitalised.</summary>
public enum TitleStyle
{
    /// <summary>Leave the title as the engine wrote it.</summary>
    AsIs = 0,

    /// <summary>"Red fox in the snow": only the first word (and acronyms or names written in mixed case) capitalised.</summary>
    SentenceCase,

    /// <summary>"Red Fox in the Snow": every word capitalised except short articles, conjunctions and prepositions.</summary>
    TitleCase,
}
