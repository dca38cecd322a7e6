using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// Renders the small Markdown subset articles are written in — headings (#), bullet and numbered lists, **bold**, `code`,
/// paragraphs and line breaks — to HTML. Every character the author typed is HTML-encoded first and only the tags made
/// here are emitted, so an article cannot carry a script, a link or any markup of its own.
/// </summary>
public static partial class ArticleMarkdown
{
    public static string ToHtml(string? markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        string? list = null;

        void CloseParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(string.Join("<br>", paragraph)).Append("</p>");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (list is not null)
            {
                html.Append("</").Append(list).Append('>');
                list = null;
            }
        }

        foreach (var raw in (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                CloseParagraph();
                CloseList();
                continue;
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                CloseParagraph();
                CloseList();
                // The page's own title is the h1 and sections are h2: an article's headings sit below them.
                var level = Math.Min(6, heading.Groups[1].Length + 2);
                html.Append("<h").Append(level).Append('>').Append(Inline(heading.Groups[2].Value)).Append("</h").Append(level).Append('>');
                continue;
            }

            var bullet = Bullet().Match(line);
            var numbered = Numbered().Match(line);
            if (bullet.Success || numbered.Success)
            {
                CloseParagraph();
                var kind = bullet.Success ? "ul" : "ol";
                if (list != kind)
                {
                    CloseList();
                    html.Append('<').Append(kind).Append('>');
                    list = kind;
                }

                html.Append("<li>").Append(Inline((bullet.Success ? bullet : numbered).Groups[1].Value)).Append("</li>");
                continue;
            }

            CloseList();
            paragraph.Add(Inline(line.Trim()));
        }

        CloseParagraph();
        CloseList();
        return html.ToString();
    }

    // Encoded first, so the markers found afterwards can only be the author's asterisks and backticks, never a tag.
    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Code().Replace(encoded, "<code>$1</code>");
        return Bold().Replace(encoded, "<strong>$1</strong>");
    }

    [GeneratedRegex(@"^(#{1,4})\s+(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*]\s+(.+)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d{1,3}[.)]\s+(.+)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
