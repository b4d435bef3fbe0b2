<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>cosell::AboutDialog</name>
    <message>
        <source>About Co-sell Sync Console</source>
        <translation>關於共同銷售同步主控台</translation>
    </message>
    <message>
        <source>Co-sell Sync Console</source>
        <translation>共同銷售同步主控台</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Keeps Microsoft Partner Center co-sell referrals and CRM opportunities (Dynamics 365, Salesforce) in step, in both directions.</source>
        <translation>讓 Microsoft 合作夥伴中心的共同銷售轉介與 CRM 商機（Dynamics 365、Salesforce）雙向保持同步。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>以 Qt %1 建置，於 Qt %2 上執行。</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>授權條款：</translation>
    </message>
    <message>
        <source>Co-sell Sync Console: MIT licence</source>
        <translation>共同銷售同步主控台：MIT 授權條款</translation>
    </message>
    <message>
        <source>Qt: GNU LGPL version 3</source>
        <translation>Qt：GNU LGPL 第 3 版</translation>
    </message>
    <message>
        <source>QtKeychain: BSD 3-clause licence</source>
        <translation>QtKeychain：BSD 3 條款授權條款</translation>
    </message>
    <message>
        <source>OpenSSL: Apache licence 2.0</source>
        <translation>OpenSSL：Apache 授權條款 2.0</translation>
    </message>
    <message>
        <source>SQLite: public domain</source>
        <translation>SQLite：公有領域</translation>
    </message>
</context>
<context>
    <name>cosell::AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation>稽核記錄</translation>
    </message>
    <message>
        <source>Every sync decision and every write, with the value before and after, in a tamper-evident log.</source>
        <translation>每一次同步決策與每一次寫入，連同變更前後的值，都保存在可察覺竄改的記錄中。</translation>
    </message>
    <message>
        <source>filter entries by record, field, user, time and outcome</source>
        <translation>依記錄、欄位、使用者、時間與結果篩選項目</translation>
    </message>
    <message>
        <source>see the request ids of each write for support cases</source>
        <translation>查看每次寫入的要求識別碼，以便處理支援案件</translation>
    </message>
    <message>
        <source>verify that no entry was edited or removed</source>
        <translation>驗證沒有任何項目遭到編輯或移除</translation>
    </message>
    <message>
        <source>export entries for a review</source>
        <translation>匯出項目以供審查</translation>
    </message>
</context>
<context>
    <name>cosell::ComingSoonPanel</name>
    <message>
        <source>Coming soon: this page is not built yet.</source>
        <translation>即將推出：此頁面尚未完成。</translation>
    </message>
    <message>
        <source>It will let you:</source>
        <translation>屆時您可以：</translation>
    </message>
</context>
<context>
    <name>cosell::ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <source>Fields that changed on both sides since the last sync wait here for you to decide.</source>
        <translation>自上次同步以來兩邊都有變更的欄位會在這裡等候您決定。</translation>
    </message>
    <message>
        <source>see the base value, the Partner Center value and the CRM value of each conflicting field</source>
        <translation>查看每個衝突欄位的基準值、合作夥伴中心的值與 CRM 的值</translation>
    </message>
    <message>
        <source>keep one side or enter a new value, for one field or for many at once</source>
        <translation>保留其中一邊或輸入新值，可針對單一欄位或一次處理多個欄位</translation>
    </message>
    <message>
        <source>see who resolved each conflict and when, in the audit trail</source>
        <translation>在稽核記錄中查看每個衝突由誰、於何時解決</translation>
    </message>
</context>
<context>
    <name>cosell::ConsoleOptions</name>
    <message>
        <source>Keeps Partner Center co-sell referrals and CRM opportunities in step.</source>
        <translation>讓合作夥伴中心的共同銷售轉介與 CRM 商機保持同步。</translation>
    </message>
    <message>
        <source>Run against the built-in sandbox with sample data.</source>
        <translation>以內建沙箱與範例資料執行。</translation>
    </message>
    <message>
        <source>Language of the user interface: %1 (default: from the system locale).</source>
        <translation>使用者介面語言：%1（預設：依系統地區設定）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The cache database to use (default: %1).</source>
        <translation>要使用的快取資料庫（預設：%1）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>未預期的引數：%1</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2</source>
        <translation>不明的語言「%1」；請從下列選擇：%2</translation>
    </message>
</context>
<context>
    <name>cosell::DashboardPage</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Look for changes on both sides and sync them now</source>
        <translation>立即檢查兩邊的變更並同步</translation>
    </message>
    <message>
        <source>Sync engine</source>
        <translation>同步引擎</translation>
    </message>
    <message>
        <source>More is coming to this page.</source>
        <translation>此頁面將陸續加入更多功能。</translation>
    </message>
    <message>
        <source>The health of the sync at a glance.</source>
        <translation>一眼掌握同步的健康狀態。</translation>
    </message>
    <message>
        <source>see how many referrals and opportunities are linked, pending, in conflict or failed</source>
        <translation>查看有多少轉介與商機已連結、待處理、有衝突或失敗</translation>
    </message>
    <message>
        <source>check that Partner Center webhooks arrive and when the last sweep ran</source>
        <translation>確認合作夥伴中心的 Webhook 是否送達，以及上次全面掃描的時間</translation>
    </message>
    <message>
        <source>watch the API budgets of Partner Center, Dynamics 365 and Salesforce</source>
        <translation>監看合作夥伴中心、Dynamics 365 與 Salesforce 的 API 配額</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <source>%1 of %2 records checked</source>
        <translation>已檢查 %1 / %2 筆記錄</translation>
    </message>
    <message>
        <source>Looking for changes…</source>
        <translation>正在尋找變更…</translation>
    </message>
</context>
<context>
    <name>cosell::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <source>Field mapping</source>
        <translation>欄位對應</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>稽核記錄</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Co-sell Sync Console (demo)</source>
        <translation>共同銷售同步主控台（示範）</translation>
    </message>
    <message>
        <source>Co-sell Sync Console</source>
        <translation>共同銷售同步主控台</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>頁面</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Co-sell Sync Console</source>
        <translation>關於共同銷售同步主控台(&amp;A)</translation>
    </message>
    <message>
        <source>Demo mode: sample data from the built-in sandbox</source>
        <translation>示範模式：來自內建沙箱的範例資料</translation>
    </message>
</context>
<context>
    <name>cosell::MappingPage</name>
    <message>
        <source>Field mapping</source>
        <translation>欄位對應</translation>
    </message>
    <message>
        <source>Decide which referral fields go to which CRM fields, in which direction and how values are converted.</source>
        <translation>決定哪些轉介欄位對應到哪些 CRM 欄位、同步方向，以及值的轉換方式。</translation>
    </message>
    <message>
        <source>start from the default mapping for Dynamics 365 or Salesforce</source>
        <translation>從 Dynamics 365 或 Salesforce 的預設欄位對應開始</translation>
    </message>
    <message>
        <source>set the direction, the transform and the conflict policy of each field</source>
        <translation>設定每個欄位的同步方向、轉換方式與衝突處理原則</translation>
    </message>
    <message>
        <source>check the mapping against your CRM before it is used, with clear messages</source>
        <translation>在使用前依您的 CRM 檢查欄位對應，並提供清楚的訊息</translation>
    </message>
    <message>
        <source>preview what a change would do to existing records</source>
        <translation>預覽變更對現有記錄的影響</translation>
    </message>
</context>
<context>
    <name>cosell::RecordDetailPanel</name>
    <message>
        <source>Show base values</source>
        <translation>顯示基準值</translation>
    </message>
    <message>
        <source>The base is the value both sides last agreed on.</source>
        <translation>基準值是兩邊上次一致同意的值。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation>合作夥伴中心</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>變更</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Unmapped fields</source>
        <translation>未對應的欄位</translation>
    </message>
    <message>
        <source>Partner Center referral</source>
        <translation>合作夥伴中心轉介</translation>
    </message>
    <message>
        <source>CRM opportunity</source>
        <translation>CRM 商機</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
    <message>
        <source>Select a record to see both sides.</source>
        <translation>請選取一筆記錄以檢視兩邊的內容。</translation>
    </message>
    <message>
        <source>%1 — referral %2 ↔ opportunity %3</source>
        <translation>%1 — 轉介 %2 ↔ 商機 %3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（無名稱）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Differs (no base yet)</source>
        <translation>不一致（尚無基準值）</translation>
    </message>
    <message>
        <source>Partner Center changed</source>
        <translation>合作夥伴中心已變更</translation>
    </message>
    <message>
        <source>CRM changed</source>
        <translation>CRM 已變更</translation>
    </message>
    <message>
        <source>Both sides changed</source>
        <translation>兩邊都已變更</translation>
    </message>
</context>
<context>
    <name>cosell::RecordsFilterBar</name>
    <message>
        <source>Has conflict</source>
        <translation>有衝突</translation>
    </message>
    <message>
        <source>Has error</source>
        <translation>有錯誤</translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation>變更時間晚於</translation>
    </message>
    <message>
        <source>Search customer or deal name</source>
        <translation>搜尋客戶或交易名稱</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任何狀態</translation>
    </message>
    <message>
        <source>Any CRM</source>
        <translation>任何 CRM</translation>
    </message>
    <message>
        <source>Dynamics 365</source>
        <translation>Dynamics 365</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
</context>
<context>
    <name>cosell::RecordsModel</name>
    <message>
        <source>Last error: %1</source>
        <translation>上次錯誤：%1</translation>
    </message>
    <message>
        <source>This opportunity has no referral yet.</source>
        <translation>此商機尚無轉介。</translation>
    </message>
    <message>
        <source>This referral has no opportunity yet.</source>
        <translation>此轉介尚無商機。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Deal name</source>
        <translation>交易名稱</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>結案日期</translation>
    </message>
    <message>
        <source>Partner Center status</source>
        <translation>合作夥伴中心狀態</translation>
    </message>
    <message>
        <source>CRM stage</source>
        <translation>CRM 階段</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>同步狀態</translation>
    </message>
</context>
<context>
    <name>cosell::RecordsPage</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Open in Partner Center</source>
        <translation>在合作夥伴中心開啟</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>在 CRM 中開啟</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>稽核記錄</translation>
    </message>
    <message>
        <source>Retry failed write</source>
        <translation>重試失敗的寫入</translation>
    </message>
    <message>
        <source>Turn sync off</source>
        <translation>關閉同步</translation>
    </message>
    <message>
        <source>Stop syncing this record; it is shown as ignored.</source>
        <translation>停止同步此記錄；它將顯示為已忽略。</translation>
    </message>
</context>
<context>
    <name>cosell::SettingsPage</name>
    <message>
        <source>This console</source>
        <translation>此主控台</translation>
    </message>
    <message>
        <source>Cache database:</source>
        <translation>快取資料庫：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Demo: the built-in sandbox with sample data</source>
        <translation>示範：內建沙箱與範例資料</translation>
    </message>
    <message>
        <source>Live: your Partner Center and CRM accounts</source>
        <translation>正式：您的合作夥伴中心與 CRM 帳戶</translation>
    </message>
    <message>
        <source>More settings are coming to this page.</source>
        <translation>此頁面將陸續加入更多設定。</translation>
    </message>
    <message>
        <source>Connections, webhook and schedule will be set here and in the setup wizard.</source>
        <translation>連線、Webhook 與排程將在此處及設定精靈中設定。</translation>
    </message>
    <message>
        <source>sign in to Partner Center and to Dynamics 365 or Salesforce</source>
        <translation>登入合作夥伴中心以及 Dynamics 365 或 Salesforce</translation>
    </message>
    <message>
        <source>register the Partner Center webhook and test that it arrives</source>
        <translation>註冊合作夥伴中心 Webhook 並測試是否送達</translation>
    </message>
    <message>
        <source>choose how often the sweep runs and which conflicts settle themselves</source>
        <translation>選擇全面掃描的執行頻率，以及哪些衝突自動解決</translation>
    </message>
    <message>
        <source>run the setup wizard again</source>
        <translation>重新執行設定精靈</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>cosell::StatusIcons</name>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>衝突</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未連結</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>The referral and the opportunity agree.</source>
        <translation>轉介與商機一致。</translation>
    </message>
    <message>
        <source>A change is waiting to be written to the other side.</source>
        <translation>有一項變更正等候寫入另一邊。</translation>
    </message>
    <message>
        <source>Both sides changed the same field; choose which value to keep.</source>
        <translation>兩邊都變更了同一個欄位；請選擇要保留的值。</translation>
    </message>
    <message>
        <source>The last attempt to write this record failed; see the audit trail.</source>
        <translation>上次寫入此記錄失敗；請查看稽核記錄。</translation>
    </message>
    <message>
        <source>This record has no counterpart on the other side yet.</source>
        <translation>此記錄在另一邊尚無對應的記錄。</translation>
    </message>
    <message>
        <source>The opportunity is set to Sync with Partner Center = No.</source>
        <translation>此商機的「與合作夥伴中心同步」設為「否」。</translation>
    </message>
</context>
<context>
    <name>cosell::SyncStateIndicator</name>
    <message>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已是最新狀態</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>同步錯誤</translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation>同步中… %1 / %2</translation>
    </message>
    <message>
        <source>Sync engine: %1</source>
        <translation>同步引擎：%1</translation>
    </message>
</context>
</TS>
