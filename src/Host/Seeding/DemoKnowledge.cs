using AfterSales.Modules.Knowledge;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;

namespace AfterSales.Host.Seeding;

/// <summary>A few published articles, so the knowledge base, its search and the suggestions on a new request show something at once.</summary>
internal static class DemoKnowledge
{
    private static readonly RequestActor Author = new(null, "demo", new HashSet<string> { Roles.Manager });

    public static async Task SeedAsync(KnowledgeBase knowledge, bool chinese, CancellationToken cancellationToken)
    {
        var articles = chinese
            ? new[]
            {
                new ArticleInput
                {
                    TitleZh = "空调不制冷的排查", TitleEn = "Air conditioner not cooling", Category = "空调", Tags = "制冷, 滤网, 冷媒",
                    Symptom = "空调开机运行，但出风不凉或制冷很弱。", Cause = "滤网积尘堵塞；冷媒不足或泄漏；室外机散热不良。",
                    Solution = "1. 清洗室内机滤网；2. 清理室外机周围杂物；3. 仍不制冷时上门检测压力并补充冷媒、查漏。",
                    BodyZh = "# 电话中先确认\n- 遥控器是否为**制冷**模式、温度是否低于室温\n- 滤网上次清洗时间\n\n确认后仍不制冷，安排上门。",
                    Visibility = ArticleVisibility.Public,
                },
                new ArticleInput
                {
                    TitleZh = "显示屏报 E5 故障代码", TitleEn = "E5 error on the display", Category = "故障代码", Tags = "E5, 通讯",
                    Symptom = "显示屏出现 E5，整机停止运行。", Cause = "室内机与室外机通讯异常，多为连接线松动或受潮。",
                    Solution = "断电 5 分钟后重启；仍报 E5 时检查室内外连接线端子，必要时更换通讯板。",
                },
                new ArticleInput
                {
                    TitleZh = "净水器滤芯何时更换", TitleEn = "When to replace water purifier filters", Category = "净水器", Tags = "滤芯, 耗材",
                    Symptom = "出水变慢、水有异味，或滤芯寿命指示灯亮起。", Cause = "滤芯到期，截留的杂质过多。",
                    Solution = "PP 棉约 6 个月、活性炭约 12 个月、RO 膜约 24 个月更换；更换后长按复位键清零提醒。",
                    Visibility = ArticleVisibility.Public,
                },
            }
            : new[]
            {
                new ArticleInput
                {
                    TitleEn = "Air conditioner not cooling", Category = "Air conditioning", Tags = "cooling, filter, refrigerant",
                    Symptom = "The unit runs but the air is not cold.", Cause = "Clogged filter, low refrigerant or a blocked outdoor unit.",
                    Solution = "Clean the filter and clear the outdoor unit; if it still does not cool, send an engineer to check the pressure and leaks.",
                    Visibility = ArticleVisibility.Public,
                },
                new ArticleInput
                {
                    TitleEn = "E5 error on the display", Category = "Error codes", Tags = "E5, communication",
                    Symptom = "The display shows E5 and the unit stops.", Cause = "The indoor and outdoor units lost communication (loose or damp cable).",
                    Solution = "Power off for 5 minutes and restart; if E5 returns, check the cable terminals and replace the communication board if needed.",
                },
            };

        foreach (var input in articles)
        {
            var saved = await knowledge.SaveAsync(null, input, null, Author, cancellationToken);
            var article = saved.Id is { } id ? await knowledge.GetAsync(id, Author, cancellationToken) : null;
            if (article is null || (await knowledge.SetStateAsync(article.Id, ArticleState.Published, article.ConcurrencyStamp, Author, cancellationToken)).Status != ArticleSaveStatus.Saved)
            {
                throw new InvalidOperationException($"Seeding article {input.TitleEn} failed: {saved.Status}");
            }
        }
    }
}
