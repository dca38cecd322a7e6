using AfterSales.Modules.Knowledge;

namespace AfterSales.Modules.Tests.Knowledge;

public sealed class KnowledgeTermsShould
{
    [Fact]
    public void CutChineseIntoOverlappingPairs() =>
        Assert.Equal(["空调", "调不", "不制", "制冷"], KnowledgeTerms.Of("空调不制冷"));

    [Fact]
    public void LowerLatinWordsAndFaultCodesAndDropPunctuation() =>
        Assert.Equal(["e5", "error"], KnowledgeTerms.Of("E5 error!"));

    [Fact]
    public void SplitMixedTextAtEachScriptChangeAndKeepALoneCharacter() =>
        Assert.Equal(["显示", "示屏", "屏报", "e5", "故障", "水"], KnowledgeTerms.Of("显示屏报E5故障，水"));

    [Fact]
    public void FoldFullWidthLettersAndRepeatNoTerm() =>
        Assert.Equal(["e5", "冷媒"], KnowledgeTerms.Of("Ｅ５ e5 冷媒 冷媒"));

    [Fact]
    public void FindEveryTermOfAPhraseInsideASentence()
    {
        var sentence = KnowledgeTerms.Of("用户说夏天空调不制冷，出风是热的");

        Assert.All(KnowledgeTerms.Of("空调不制冷"), term => Assert.Contains(term, sentence));
    }

    [Fact]
    public void WeighATitleOverTheBody()
    {
        var index = KnowledgeTerms.Index(["空调不制冷"], ["冷媒"], ["空调不制冷时先清洗滤网"]);

        Assert.Equal(KnowledgeTerms.TitleWeight + KnowledgeTerms.BodyWeight, index["空调"]);
        Assert.Equal(KnowledgeTerms.TagWeight, index["冷媒"]);
        Assert.Equal(KnowledgeTerms.BodyWeight, index["滤网"]);
    }

    [Fact]
    public void RankTheTitleMatchFirstThenTheBodyMatchAndDropAStrayPair()
    {
        var query = KnowledgeTerms.Of("空调不制冷").ToList();
        var inTitle = KnowledgeTerms.Index(["空调不制冷怎么办"], [], ["检查滤网"]);
        var inBody = KnowledgeTerms.Index(["压缩机保护"], [], ["夏天空调不制冷时先查压缩机"]);
        // Shares only 空调 with the query: one pair of four is not a match.
        var stray = KnowledgeTerms.Index(["空调遥控器配对"], [], ["按住模式键"]);

        var ranked = new[] { ("stray", stray), ("body", inBody), ("title", inTitle) }
            .Select(a => (a.Item1, Score: KnowledgeTerms.Score(query, a.Item2))).Where(a => a.Score > 0).OrderByDescending(a => a.Score).Select(a => a.Item1);

        Assert.Equal(["title", "body"], ranked);
    }
}

public sealed class ArticleMarkdownShould
{
    [Fact]
    public void EncodeEveryTagTheAuthorTyped() =>
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>",
            ArticleMarkdown.ToHtml("<script>alert(1)</script> <img src=x onerror=alert(1)>"));

    [Fact]
    public void RenderTheSmallSubset() =>
        Assert.Equal("<h3>步骤</h3><ol><li>断电</li><li>清洗<strong>滤网</strong></li></ol><ul><li>代码 <code>E5</code></li></ul><p>第一行<br>第二行</p><p>新段落</p>",
            ArticleMarkdown.ToHtml("# 步骤\n1. 断电\n2. 清洗**滤网**\n- 代码 `E5`\n\n第一行\n第二行\n\n新段落"));

    [Fact]
    public void KeepMarkersInsideCodeAndBoldFromOpeningTags() =>
        Assert.Equal("<p><strong>&lt;b&gt;x&lt;/b&gt;</strong> <code>&lt;i&gt;</code></p>", ArticleMarkdown.ToHtml("**<b>x</b>** `<i>`"));
}
