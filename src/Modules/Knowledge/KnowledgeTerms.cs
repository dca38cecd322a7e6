using System.Globalization;
using System.Text;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// Cuts text into the terms the knowledge index stores and queries match. Chinese is written without spaces, so a run
/// of CJK characters gives its overlapping pairs (空调不制冷 → 空调, 调不, 不制, 制冷): any phrase of two or more characters
/// inside a sentence then shares all its pairs with the sentence, with no dictionary to keep. Latin letters and digits
/// give lower-cased words (fault codes like E5 included).
/// </summary>
public static class KnowledgeTerms
{
    public const int MaxTermLength = 32;

    /// <summary>A query uses at most this many terms, so a long description stays one bounded query.</summary>
    public const int MaxQueryTerms = 64;

    // A title says what the article is about, tags were chosen for finding it; the body merely mentions things.
    public const int TitleWeight = 4;
    public const int TagWeight = 2;
    public const int BodyWeight = 1;

    /// <summary>The distinct terms of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(string? text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        // Full-width letters and digits (Ｅ５) become the ASCII ones people also type.
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var word = new StringBuilder();
        var cjk = new List<string>();

        void Add(string term)
        {
            if (seen.Add(term))
            {
                terms.Add(term);
            }
        }

        void FlushWord()
        {
            // One Latin letter is noise ("a", "x"); one digit may be a setting or a code, but alone it matches everything.
            if (word.Length >= 2)
            {
                Add(word.Length > MaxTermLength ? word.ToString(0, MaxTermLength) : word.ToString());
            }

            word.Clear();
        }

        void FlushCjk()
        {
            if (cjk.Count == 1)
            {
                Add(cjk[0]);
            }

            for (var i = 0; i + 1 < cjk.Count; i++)
            {
                Add(cjk[i] + cjk[i + 1]);
            }

            cjk.Clear();
        }

        var elements = StringInfo.GetTextElementEnumerator(normalized);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (IsCjk(element))
            {
                FlushWord();
                cjk.Add(element);
            }
            else if (element.Length == 1 && char.IsLetterOrDigit(element[0]))
            {
                FlushCjk();
                word.Append(element[0]);
            }
            else
            {
                FlushWord();
                FlushCjk();
            }
        }

        FlushWord();
        FlushCjk();
        return terms;
    }

    /// <summary>The index of an article: each term with its weight, the sum of where it appears (title, tags, body).</summary>
    public static IReadOnlyDictionary<string, int> Index(IEnumerable<string?> titles, IEnumerable<string?> tags, IEnumerable<string?> body)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        void Weigh(IEnumerable<string?> texts, int weight)
        {
            foreach (var term in texts.SelectMany(Of).Distinct(StringComparer.Ordinal))
            {
                weights[term] = weights.GetValueOrDefault(term) + weight;
            }
        }

        Weigh(titles, TitleWeight);
        Weigh(tags, TagWeight);
        Weigh(body, BodyWeight);
        return weights;
    }

    /// <summary>
    /// How many of a query's terms an article must share to count as a match: one bigram of a long description would
    /// otherwise suggest every article that mentions, say, 空调.
    /// </summary>
    public static int RequiredMatches(int queryTerms) => Math.Max(1, Math.Min(3, (queryTerms + 1) / 2));

    /// <summary>An article's score for a query: the weights of the terms it shares with it, or 0 below the required matches.</summary>
    public static int Score(IReadOnlyCollection<string> query, IReadOnlyDictionary<string, int> index)
    {
        var shared = query.Where(index.ContainsKey).ToList();
        return shared.Count < RequiredMatches(query.Count) ? 0 : shared.Sum(t => index[t]);
    }

    private static bool IsCjk(string element)
    {
        var codePoint = char.ConvertToUtf32(element, 0);
        return codePoint is >= 0x4E00 and <= 0x9FFF // CJK unified ideographs
            or >= 0x3400 and <= 0x4DBF // extension A
            or >= 0x20000 and <= 0x2EBEF // extensions B–F
            or >= 0xF900 and <= 0xFAFF // compatibility ideographs
            or >= 0x3040 and <= 0x30FF // kana
            or >= 0xAC00 and <= 0xD7AF; // hangul syllables
    }
}
