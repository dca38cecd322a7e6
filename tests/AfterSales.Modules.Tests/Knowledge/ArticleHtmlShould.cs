using AfterSales.Modules.Knowledge;

namespace AfterSales.Modules.Tests.Knowledge;

/// <summary>Whatever an author types, the article's HTML holds only the tags the renderer makes and images of the article's own files.</summary>
public sealed class ArticleHtmlShould
{
    private static readonly Guid Image = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("<div onmouseover=\"alert(1)\">hover</div>")]
    [InlineData("<svg onload=alert(1)>")]
    public void LetNoMarkupOfTheAuthorThrough(string attack)
    {
        var html = ArticleMarkdown.ToHtml($"# {attack}\n- {attack}\n\n{attack} **{attack}** `{attack}`");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![x](https://evil.example/track.png)")]
    [InlineData("![x](//evil.example/files/knowledge/0f8fad5b-d9cb-469f-a165-70867728950e)")]
    [InlineData("![x](files/knowledge/../../account/logout)")]
    [InlineData("![x\" onerror=\"alert(1)](files/knowledge/0f8fad5b-d9cb-469f-a165-70867728950e)")]
    public void ShowNoImageButTheArticlesOwnFiles(string markdown)
    {
        var html = ArticleMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("src=\"javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"data:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"//", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror=\"", html, StringComparison.Ordinal);
        Assert.All(ImgTags(html), tag => Assert.Matches("^<img src=\"files/knowledge/[0-9a-f-]{36}\" alt=\"[^\"<>]*\" loading=\"lazy\">$", tag));
    }

    [Fact]
    public void ShowAnUploadedImageWhereTheAuthorPutIt()
    {
        var html = ArticleMarkdown.ToHtml($"1. 拆下面板 ![面板 **背面**]({ArticleMarkdown.ImagePath}{Image}) 然后 **断电**");

        Assert.Equal($"<ol><li>拆下面板 <img src=\"files/knowledge/{Image}\" alt=\"面板 **背面**\" loading=\"lazy\"> 然后 <strong>断电</strong></li></ol>", html);
    }

    [Fact]
    public void ServeImagesFromWhereTheCallerSays() =>
        Assert.Equal($"<p><img src=\"/t/demo/files/knowledge/{Image}?a=1&amp;b=2\" alt=\"x\" loading=\"lazy\"></p>",
            ArticleMarkdown.ToHtml($"![x](files/knowledge/{Image})", id => $"/t/demo/files/knowledge/{id}?a=1&b=2"));

    private static IEnumerable<string> ImgTags(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<img[^>]*>").Select(m => m.Value);
}
