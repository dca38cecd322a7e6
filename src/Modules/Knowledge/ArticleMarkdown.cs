using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// Renders the small Markdown subset articles are written in — headings (#), bullet and numbered lists, **bold**, `code`,
/// paragraphs and line breaks, and images uploaded to the article (<c>![text](files/knowledge/{id})</c>) — to HTML. Every
/// character the author typed is HTML-encoded first and only the tags made here are emitted, so an article cannot carry a script,
/// a link or any markup of its own; an image can only be one of the tenant's article files, never another address or a data: URL.
/// </summary>
public static partial class ArticleMarkdown
{
    /// <summary>Where an article's image is served, relative to the tenant's base (<c>/t/{tenant}/</c>).</summary>
    public const string ImagePath = "files/knowledge/";

    public static string ToHtml(string? markdown) => ToHtml(markdown, id => ImagePath + id.ToString("D"));

    /// <param name="imageUrl">The address an image is shown from, for pages whose base is not the tenant's (the portal).</param>
    public static string ToHtml(string? markdown, Func<Guid, string> imageUrl)
    {
        string Inline(string text) => InlineHtml(text, imageUrl);

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

    // Encoded first, so the markers found afterwards can only be the author's asterisks, backticks and image brackets, never a tag.
    // Images are set aside while bold and code are marked, so their text cannot end up as markup inside the alt attribute.
    private static string InlineHtml(string text, Func<Guid, string> imageUrl)
    {
        var encoded = WebUtility.HtmlEncode(text).Replace("\0", "", StringComparison.Ordinal);
        var images = new List<string>();
        encoded = Image().Replace(encoded, m =>
        {
            images.Add($"<img src=\"{WebUtility.HtmlEncode(imageUrl(Guid.Parse(m.Groups[2].Value)))}\" alt=\"{m.Groups[1].Value}\" loading=\"lazy\">");
            return $"\0{images.Count - 1}\0";
        });
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        return images.Count == 0 ? encoded : Placeholder().Replace(encoded, m => images[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [GeneratedRegex(@"!\[([^\]]{0,200})\]\(files/knowledge/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\0(\d+)\0")]
    private static partial Regex Placeholder();

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
