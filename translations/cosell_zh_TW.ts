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
    <name>cosell::ConsoleEngine</name>
    <message>
        <source>The setup is not complete: no CRM was chosen. Run the setup wizard (File › Run setup wizard…).</source>
        <translation>設定尚未完成：尚未選擇 CRM。請執行設定精靈（檔案 › 執行設定精靈…）。</translation>
    </message>
    <message>
        <source>The sync cannot start: %1. It tries again in a minute.</source>
        <translation>同步無法啟動：%1。一分鐘後會再試一次。</translation>
    </message>
    <message>
        <source>Sign in again: %1 refused the saved sign-in, or none is saved. Run the setup wizard (File › Run setup wizard…).</source>
        <translation>請重新登入：%1 拒絕了已儲存的登入，或尚未儲存任何登入。請執行設定精靈（檔案 › 執行設定精靈…）。</translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation>合作夥伴中心</translation>
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
    <name>cosell::CrmPage</name>
    <message>
        <source>Sync with Partner Center</source>
        <translation>與合作夥伴中心同步</translation>
    </message>
    <message>
        <source>Referral Identifier</source>
        <translation>轉介識別碼</translation>
    </message>
    <message>
        <source>Referral Link</source>
        <translation>轉介連結</translation>
    </message>
    <message>
        <source>How can Microsoft help?</source>
        <translation>Microsoft 可以如何協助？</translation>
    </message>
    <message>
        <source>Referral Visibility</source>
        <translation>轉介可見度</translation>
    </message>
    <message>
        <source>Microsoft CRM Identifier</source>
        <translation>Microsoft CRM 識別碼</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>產品</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>稽核</translation>
    </message>
    <message>
        <source>Sign in to the CRM</source>
        <translation>登入 CRM</translation>
    </message>
    <message>
        <source>Check fields again</source>
        <translation>再次檢查欄位</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Choose your CRM, sign in, and check the custom fields the sync needs on the opportunity.</source>
        <translation>選擇您的 CRM 並登入，然後檢查同步所需的商機自訂欄位。</translation>
    </message>
    <message>
        <source>Dynamics 365</source>
        <translation>Dynamics 365</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM：</translation>
    </message>
    <message>
        <source>Custom fields on the opportunity</source>
        <translation>商機上的自訂欄位</translation>
    </message>
    <message>
        <source>Organization URL:</source>
        <translation>組織 URL：</translation>
    </message>
    <message>
        <source>Login URL:</source>
        <translation>登入 URL：</translation>
    </message>
    <message>
        <source>Enter the address of your CRM first, for example %1.</source>
        <translation>請先輸入您的 CRM 位址，例如 %1。</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation>正在等待瀏覽器中的登入…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>已登入。</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>已登入為 %1。</translation>
    </message>
    <message>
        <source>Checking the fields…</source>
        <translation>正在檢查欄位…</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>present</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>All custom fields are present.</source>
        <translation>所有自訂欄位都已存在。</translation>
    </message>
    <message>
        <source>Missing on the opportunity: %1.
Add these fields in the CRM (the Partner Center co-sell solution creates them), or, if your CRM names them differently, type its names above and check again.</source>
        <translation>商機上缺少：%1。
請在 CRM 中新增這些欄位（合作夥伴中心的共同銷售解決方案會建立它們）；如果您的 CRM 使用不同的名稱，請在上方輸入名稱後再次檢查。</translation>
    </message>
    <message>
        <source>Salesforce Setup › App Manager › your connected app › View › Manage Consumer Details.</source>
        <translation>Salesforce 設定 › 應用程式管理員 › 您的連線應用程式 › 檢視 › 管理消費者詳細資料。</translation>
    </message>
    <message>
        <source>Consumer key (connected app):</source>
        <translation>消費者金鑰 (連線應用程式)：</translation>
    </message>
    <message>
        <source>Enter the consumer key of your Salesforce connected app first (Setup › App Manager › your app › View › Manage Consumer Details).</source>
        <translation>請先輸入您的 Salesforce 連線應用程式的消費者金鑰 (設定 › 應用程式管理員 › 您的應用程式 › 檢視 › 管理消費者詳細資料)。</translation>
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
    <name>cosell::DonePage</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Co-sell Sync is set up.</source>
        <translation>共同銷售同步已設定完成。</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <source>Dynamics 365</source>
        <translation>Dynamics 365</translation>
    </message>
    <message>
        <source>Partner Center: signed in as %1.</source>
        <translation>合作夥伴中心：已登入為 %1。</translation>
    </message>
    <message>
        <source>(unknown account)</source>
        <translation>（帳戶不明）</translation>
    </message>
    <message>
        <source>CRM: %1 at %2, all custom fields present.</source>
        <translation>CRM：%1，位於 %2，所有自訂欄位都已存在。</translation>
    </message>
    <message>
        <source>Webhook: %1, test event received.</source>
        <translation>Webhook：%1，已收到測試事件。</translation>
    </message>
    <message>
        <source>Webhook: %1, not tested; the periodic sweep still syncs.</source>
        <translation>Webhook：%1，尚未測試；定期掃描仍會同步。</translation>
    </message>
    <message>
        <source>Field mapping: the default mapping for %1.</source>
        <translation>欄位對應：%1 的預設對應。</translation>
    </message>
    <message>
        <source>What was set up:</source>
        <translation>已設定的項目：</translation>
    </message>
    <message>
        <source>Click Finish to go to the console. You can run this wizard again from Settings.</source>
        <translation>按一下「完成」前往主控台。您可以從「設定」再次執行此精靈。</translation>
    </message>
</context>
<context>
    <name>cosell::FieldLabels</name>
    <message>
        <source>Referral Identifier</source>
        <translation>轉介識別碼</translation>
    </message>
    <message>
        <source>Referral Link</source>
        <translation>轉介連結</translation>
    </message>
    <message>
        <source>CRM record id</source>
        <translation>CRM 記錄識別碼</translation>
    </message>
    <message>
        <source>Sync with Partner Center</source>
        <translation>與合作夥伴中心同步</translation>
    </message>
    <message>
        <source>Referral type</source>
        <translation>轉介類型</translation>
    </message>
    <message>
        <source>Deal name</source>
        <translation>交易名稱</translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation>交易金額</translation>
    </message>
    <message>
        <source>Currency code</source>
        <translation>貨幣代碼</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>結案日期</translation>
    </message>
    <message>
        <source>Notes / Description</source>
        <translation>備註 / 描述</translation>
    </message>
    <message>
        <source>Status and substatus ↔ CRM stage</source>
        <translation>狀態與子狀態 ↔ CRM 階段</translation>
    </message>
    <message>
        <source>How can Microsoft help?</source>
        <translation>Microsoft 可以如何協助？</translation>
    </message>
    <message>
        <source>Referral visibility</source>
        <translation>轉介可見性</translation>
    </message>
    <message>
        <source>Microsoft CRM Identifier</source>
        <translation>Microsoft CRM 識別碼</translation>
    </message>
    <message>
        <source>Products (obsolete solution id list)</source>
        <translation>產品（已淘汰的解決方案識別碼清單）</translation>
    </message>
    <message>
        <source>Customer account</source>
        <translation>客戶帳戶</translation>
    </message>
    <message>
        <source>Customer country (ISO 3166-1 alpha-2)</source>
        <translation>客戶國家/地區（ISO 3166-1 alpha-2）</translation>
    </message>
    <message>
        <source>Customer postal code</source>
        <translation>客戶郵遞區號</translation>
    </message>
    <message>
        <source>Customer city</source>
        <translation>客戶城市</translation>
    </message>
    <message>
        <source>Customer state</source>
        <translation>客戶州/省</translation>
    </message>
    <message>
        <source>Customer street</source>
        <translation>客戶街道</translation>
    </message>
    <message>
        <source>Customer contact first name</source>
        <translation>客戶聯絡人名字</translation>
    </message>
    <message>
        <source>Customer contact last name</source>
        <translation>客戶聯絡人姓氏</translation>
    </message>
    <message>
        <source>Customer contact email</source>
        <translation>客戶聯絡人電子郵件</translation>
    </message>
    <message>
        <source>Customer contact phone</source>
        <translation>客戶聯絡人電話</translation>
    </message>
</context>
<context>
    <name>cosell::FirstSyncPage</name>
    <message>
        <source>Plan again</source>
        <translation>重新規劃</translation>
    </message>
    <message>
        <source>Start the first sync</source>
        <translation>開始首次同步</translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation>取消同步</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>首次同步</translation>
    </message>
    <message>
        <source>A dry run shows what the first sync will do. Nothing is written until you start it.</source>
        <translation>試執行會顯示首次同步將做的事。在您開始同步之前，不會寫入任何資料。</translation>
    </message>
    <message>
        <source>The dry run</source>
        <translation>試執行</translation>
    </message>
    <message>
        <source>Opportunities to create in the CRM:</source>
        <translation>要在 CRM 中建立的商機：</translation>
    </message>
    <message>
        <source>Referrals to create in Partner Center:</source>
        <translation>要在合作夥伴中心建立的轉介：</translation>
    </message>
    <message>
        <source>Existing pairs to link:</source>
        <translation>要連結的現有配對：</translation>
    </message>
    <message>
        <source>Records to update:</source>
        <translation>要更新的記錄：</translation>
    </message>
    <message>
        <source>Conflicts to settle by hand:</source>
        <translation>需要手動解決的衝突：</translation>
    </message>
    <message>
        <source>The first sync was cancelled.</source>
        <translation>首次同步已取消。</translation>
    </message>
    <message>
        <source>Cancelled. Records written so far stay; start again to finish.</source>
        <translation>已取消。已寫入的記錄會保留；請重新開始以完成同步。</translation>
    </message>
    <message>
        <source>The first sync failed.</source>
        <translation>首次同步失敗。</translation>
    </message>
    <message>
        <source>The sync pass failed. The Dashboard and the Audit trail say why; start again once it is fixed.</source>
        <translation>同步執行失敗。儀表板與稽核記錄會說明原因；修正後請重新開始。</translation>
    </message>
    <message>
        <source>The sync could not start: %1</source>
        <translation>無法開始同步：%1</translation>
    </message>
    <message>
        <source>The first sync finished; the sync keeps running in the background.</source>
        <translation>首次同步已完成；同步會在背景中持續執行。</translation>
    </message>
    <message>
        <source>The first sync finished.</source>
        <translation>首次同步已完成。</translation>
    </message>
    <message>
        <source>Reading both sides for the dry run…</source>
        <translation>正在讀取雙方資料以進行試執行…</translation>
    </message>
    <message>
        <source>The dry run failed: %1
Go back and check the sign-ins, then plan again.</source>
        <translation>試執行失敗：%1
請返回檢查登入，然後重新規劃。</translation>
    </message>
    <message numerus="yes">
        <source>Planned. %n record(s) miss what Partner Center requires and will be reported in the Audit trail.</source>
        <translation>
            <numerusform>已規劃。%n 筆記錄缺少合作夥伴中心要求的資料，將記錄在稽核記錄中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Planned.</source>
        <translation>已規劃。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
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
    <message>
        <source>Run setup &amp;wizard…</source>
        <translation>執行設定精靈(&amp;W)…</translation>
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
    <name>cosell::MappingSummaryPage</name>
    <message>
        <source>not synced</source>
        <translation>不同步</translation>
    </message>
    <message>
        <source>both ways</source>
        <translation>雙向</translation>
    </message>
    <message>
        <source>to the CRM</source>
        <translation>寫入 CRM</translation>
    </message>
    <message>
        <source>to Partner Center</source>
        <translation>寫入合作夥伴中心</translation>
    </message>
    <message>
        <source>Field mapping</source>
        <translation>欄位對應</translation>
    </message>
    <message>
        <source>Which referral fields go to which opportunity fields. The default mapping follows Microsoft&apos;s documented behaviour; you can change it later.</source>
        <translation>哪些轉介欄位對應到哪些商機欄位。預設對應遵循 Microsoft 文件中的行為；您之後可以變更。</translation>
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
        <source>Updates go</source>
        <translation>更新方向</translation>
    </message>
    <message>
        <source>Open the mapping editor</source>
        <translation>開啟對應編輯器</translation>
    </message>
    <message>
        <source>Change fields, directions and conflict rules in the Field mapping page.</source>
        <translation>在「欄位對應」頁面變更欄位、方向與衝突規則。</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <source>Dynamics 365</source>
        <translation>Dynamics 365</translation>
    </message>
    <message>
        <source>The default mapping for %1 cannot be loaded: %2</source>
        <translation>無法載入 %1 的預設對應：%2</translation>
    </message>
    <message numerus="yes">
        <source>The default mapping for %1 maps %n field(s); %2 of them are updated both ways.</source>
        <translation>
            <numerusform>%1 的預設對應包含 %n 個欄位；其中 %2 個為雙向更新。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cosell::PartnerCenterPage</name>
    <message>
        <source>Sign in with the browser on this computer</source>
        <translation>使用這部電腦上的瀏覽器登入</translation>
    </message>
    <message>
        <source>Sign in on another device with a code</source>
        <translation>使用代碼在其他裝置上登入</translation>
    </message>
    <message>
        <source>Sign in to Partner Center</source>
        <translation>登入合作夥伴中心</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>裝置代碼</translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation>合作夥伴中心</translation>
    </message>
    <message>
        <source>Sign in with an account of your partner organization that has the Referrals admin role.</source>
        <translation>請使用您合作夥伴組織中具有「轉介系統管理員」角色的帳戶登入。</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>複製代碼</translation>
    </message>
    <message>
        <source>Asking for a device code…</source>
        <translation>正在要求裝置代碼…</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation>正在等待瀏覽器中的登入…</translation>
    </message>
    <message>
        <source>Signed in. Checking access to referrals…</source>
        <translation>已登入。正在檢查轉介的存取權…</translation>
    </message>
    <message>
        <source>Signed in as %1. Referrals can be read.</source>
        <translation>已登入為 %1。可以讀取轉介。</translation>
    </message>
    <message>
        <source>(unknown account)</source>
        <translation>（帳戶不明）</translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; on any device and enter this code:</source>
        <translation>在任何裝置上開啟 &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; 並輸入此代碼：</translation>
    </message>
    <message>
        <source>Waiting for you to enter the code…</source>
        <translation>正在等待您輸入代碼…</translation>
    </message>
    <message>
        <source>Microsoft Entra admin center › App registrations › your app › Overview. Used for Partner Center and Dynamics 365 sign-in.</source>
        <translation>Microsoft Entra 系統管理中心 › 應用程式註冊 › 您的應用程式 › 概觀。用於登入合作夥伴中心和 Dynamics 365。</translation>
    </message>
    <message>
        <source>The Microsoft Entra app registration of your organization, used to sign in to Partner Center and Dynamics 365.</source>
        <translation>貴組織的 Microsoft Entra 應用程式註冊，用於登入合作夥伴中心和 Dynamics 365。</translation>
    </message>
    <message>
        <source>Application (client) ID:</source>
        <translation>應用程式 (用戶端) 識別碼：</translation>
    </message>
    <message>
        <source>Enter the Application (client) ID of your Microsoft Entra app registration first (Entra admin center › App registrations).</source>
        <translation>請先輸入您的 Microsoft Entra 應用程式註冊的應用程式 (用戶端) 識別碼 (Entra 系統管理中心 › 應用程式註冊)。</translation>
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
    <message>
        <source>History</source>
        <translation>歷程記錄</translation>
    </message>
</context>
<context>
    <name>cosell::RecordHistoryView</name>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>執行者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
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
    <message>
        <source>The sync engine is not running.</source>
        <translation>同步引擎未在執行。</translation>
    </message>
    <message>
        <source>The CRM address is not known yet: connect the CRM in the setup.</source>
        <translation>尚不知道 CRM 的位址：請在設定精靈中連接 CRM。</translation>
    </message>
    <message>
        <source>Open this opportunity in the CRM.</source>
        <translation>在 CRM 中開啟此商機。</translation>
    </message>
    <message>
        <source>Send the failed writes of this record again.</source>
        <translation>再次傳送此記錄失敗的寫入。</translation>
    </message>
    <message>
        <source>Turn sync on</source>
        <translation>開啟同步</translation>
    </message>
    <message>
        <source>The opportunity says Sync with Partner Center = No: change it in the CRM.</source>
        <translation>此商機的「與合作夥伴中心同步」為「否」：請在 CRM 中變更。</translation>
    </message>
    <message>
        <source>Sync this record again; the next pass reconciles both sides.</source>
        <translation>再次同步此記錄；下一輪同步會協調兩邊的值。</translation>
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
    <message>
        <source>Run setup wizard…</source>
        <translation>執行設定精靈…</translation>
    </message>
</context>
<context>
    <name>cosell::SetupWizard</name>
    <message>
        <source>Set up Co-sell Sync (demo)</source>
        <translation>設定共同銷售同步（示範）</translation>
    </message>
    <message>
        <source>Set up Co-sell Sync</source>
        <translation>設定共同銷售同步</translation>
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
    <message>
        <source>Checking the sign-ins…</source>
        <translation>正在檢查登入…</translation>
    </message>
</context>
<context>
    <name>cosell::WebhookPage</name>
    <message>
        <source>A referral is created (referral-created)</source>
        <translation>建立轉介時（referral-created）</translation>
    </message>
    <message>
        <source>A referral is updated (referral-updated)</source>
        <translation>更新轉介時（referral-updated）</translation>
    </message>
    <message>
        <source>A related referral is created (related-referral-created)</source>
        <translation>建立相關轉介時（related-referral-created）</translation>
    </message>
    <message>
        <source>A related referral is updated (related-referral-updated)</source>
        <translation>更新相關轉介時（related-referral-updated）</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>接聽</translation>
    </message>
    <message>
        <source>Overwrite the existing registration</source>
        <translation>覆寫現有的註冊</translation>
    </message>
    <message>
        <source>Register the webhook</source>
        <translation>註冊 Webhook</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Partner Center calls this console when a referral changes. Without a webhook the sync still works, a little later, through the periodic sweep.</source>
        <translation>轉介變更時，合作夥伴中心會呼叫此主控台。沒有 Webhook 時，同步仍會透過定期掃描進行，只是稍晚一些。</translation>
    </message>
    <message>
        <source>Listen on (address:port):</source>
        <translation>接聽位址（位址:連接埠）：</translation>
    </message>
    <message>
        <source>Public URL:</source>
        <translation>公開 URL：</translation>
    </message>
    <message>
        <source>Events to register</source>
        <translation>要註冊的事件</translation>
    </message>
    <message>
        <source>The test event (test-created) is always registered, so the next page can check that events arrive.</source>
        <translation>測試事件（test-created）一律會註冊，讓下一頁可以檢查事件是否送達。</translation>
    </message>
    <message>
        <source>Registered in Partner Center now</source>
        <translation>目前在合作夥伴中心的註冊</translation>
    </message>
    <message>
        <source>Type an address and a port, for example 127.0.0.1:8443 (port 0 picks a free one).</source>
        <translation>請輸入位址與連接埠，例如 127.0.0.1:8443（連接埠 0 會自動選擇可用的連接埠）。</translation>
    </message>
    <message>
        <source>Starting the receiver…</source>
        <translation>正在啟動接收器…</translation>
    </message>
    <message>
        <source>The receiver cannot listen there: %1
Choose another port, or stop the program that uses it.</source>
        <translation>接收器無法在該處接聽：%1
請選擇其他連接埠，或停止使用該連接埠的程式。</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>正在 %1 接聽</translation>
    </message>
    <message>
        <source>Reading the current registration…</source>
        <translation>正在讀取目前的註冊…</translation>
    </message>
    <message>
        <source>Nothing is registered yet.</source>
        <translation>尚未註冊任何項目。</translation>
    </message>
    <message>
        <source>URL: %1
Events: %2</source>
        <translation>URL：%1
事件：%2</translation>
    </message>
    <message>
        <source>Type the public URL that reaches this receiver, starting with https://. Partner Center calls only https addresses; a reverse proxy forwards them to the listen address above.</source>
        <translation>請輸入可連到此接收器的公開 URL，開頭為 https://。合作夥伴中心只會呼叫 https 位址；反向 Proxy 會將其轉送到上方的接聽位址。</translation>
    </message>
    <message>
        <source>A webhook is already registered (shown above). Tick &quot;Overwrite the existing registration&quot; to replace it.</source>
        <translation>已有註冊的 Webhook（如上所示）。請勾選「覆寫現有的註冊」來取代它。</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在註冊…</translation>
    </message>
    <message>
        <source>Registered. Partner Center now calls %1.</source>
        <translation>已註冊。合作夥伴中心現在會呼叫 %1。</translation>
    </message>
</context>
<context>
    <name>cosell::WebhookTestPage</name>
    <message>
        <source>Send a test event</source>
        <translation>傳送測試事件</translation>
    </message>
    <message>
        <source>Go on without webhooks for now (the periodic sweep still syncs)</source>
        <translation>暫時不使用 Webhook 繼續（定期掃描仍會同步）</translation>
    </message>
    <message>
        <source>Test the webhook</source>
        <translation>測試 Webhook</translation>
    </message>
    <message>
        <source>Partner Center sends a test event to the public URL; this page shows it arrive.</source>
        <translation>合作夥伴中心會傳送測試事件到公開 URL；此頁面會顯示事件送達。</translation>
    </message>
    <message>
        <source>Asking Partner Center to send the test event…</source>
        <translation>正在要求合作夥伴中心傳送測試事件…</translation>
    </message>
    <message numerus="yes">
        <source>Sent. Waiting up to %n second(s) for it to arrive…</source>
        <translation>
            <numerusform>已傳送。最多等待 %n 秒讓事件送達…</numerusform>
        </translation>
    </message>
    <message>
        <source>The test event arrived at %1 and its signature checked out. Webhooks work.</source>
        <translation>測試事件已於 %1 送達，簽章驗證通過。Webhook 運作正常。</translation>
    </message>
    <message>
        <source>The test event did not arrive in time.</source>
        <translation>測試事件未在時限內送達。</translation>
    </message>
    <message>
        <source>The public URL does not reach this computer: check the DNS name, the reverse proxy and the firewall (inbound HTTPS).</source>
        <translation>公開 URL 無法連到這部電腦：請檢查 DNS 名稱、反向 Proxy 與防火牆（輸入 HTTPS）。</translation>
    </message>
    <message>
        <source>The reverse proxy forwards to another address or port than the receiver listens on.</source>
        <translation>反向 Proxy 轉送到的位址或連接埠與接收器接聽的不同。</translation>
    </message>
    <message>
        <source>The registration points to another URL: go back one page and register again.</source>
        <translation>註冊指向其他 URL：請返回上一頁重新註冊。</translation>
    </message>
    <message>
        <source>Partner Center is slow to deliver: wait a minute and send the test event again.</source>
        <translation>合作夥伴中心傳送較慢：請稍候一分鐘再傳送一次測試事件。</translation>
    </message>
    <message numerus="yes">
        <source>The receiver refused %n request(s): the signature or the certificate did not check out. Check the computer&apos;s clock and the trusted certificates.</source>
        <translation>
            <numerusform>接收器拒絕了 %n 個要求：簽章或憑證驗證未通過。請檢查電腦的時鐘與受信任的憑證。</numerusform>
        </translation>
    </message>
    <message>
        <source>Likely causes:</source>
        <translation>可能的原因：</translation>
    </message>
</context>
<context>
    <name>cosell::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>歡迎</translation>
    </message>
    <message>
        <source>This wizard connects Partner Center and your CRM and starts the sync.</source>
        <translation>此精靈會連接合作夥伴中心與您的 CRM，並開始同步。</translation>
    </message>
    <message>
        <source>What will happen:</source>
        <translation>接下來的步驟：</translation>
    </message>
    <message>
        <source>Sign in to Partner Center and check your access to referrals.</source>
        <translation>登入合作夥伴中心，並檢查您對轉介的存取權。</translation>
    </message>
    <message>
        <source>Sign in to Dynamics 365 or Salesforce and check the custom fields on the opportunity.</source>
        <translation>登入 Dynamics 365 或 Salesforce，並檢查商機上的自訂欄位。</translation>
    </message>
    <message>
        <source>Register the Partner Center webhook and test that an event arrives.</source>
        <translation>註冊合作夥伴中心 Webhook，並測試事件是否送達。</translation>
    </message>
    <message>
        <source>Review the default field mapping.</source>
        <translation>檢閱預設的欄位對應。</translation>
    </message>
    <message>
        <source>See what the first sync will do, then run it.</source>
        <translation>查看首次同步將做的事，然後執行。</translation>
    </message>
    <message>
        <source>Roles you need:</source>
        <translation>您需要的角色：</translation>
    </message>
    <message>
        <source>Partner Center: Referrals admin.</source>
        <translation>合作夥伴中心：轉介系統管理員。</translation>
    </message>
    <message>
        <source>Dynamics 365: System Administrator or System Customizer; Salesforce: System Administrator.</source>
        <translation>Dynamics 365：系統管理員或系統自訂員；Salesforce：系統管理員。</translation>
    </message>
    <message>
        <source>Demo mode: every page is filled in against the built-in sandbox. Click Next to go through.</source>
        <translation>示範模式：每一頁都已根據內建沙箱填妥。按「下一步」逐頁完成。</translation>
    </message>
</context>
<context>
    <name>cosell::WizardText</name>
    <message>
        <source>The sign-in service cannot be reached. Check the network connection and the proxy settings, then sign in again.</source>
        <translation>無法連線到登入服務。請檢查網路連線與 Proxy 設定，然後重新登入。</translation>
    </message>
    <message>
        <source>The sign-in was refused. Check the account and password, make sure the app may be used in your organization, then sign in again.</source>
        <translation>登入遭到拒絕。請檢查帳戶與密碼，並確認您的組織允許使用此應用程式，然後重新登入。</translation>
    </message>
    <message>
        <source>The sign-in did not finish. Sign in again; if the browser did not open, use a device code instead.</source>
        <translation>登入未完成。請重新登入；如果瀏覽器沒有開啟，請改用裝置代碼。</translation>
    </message>
    <message>
        <source>%1
Details: %2</source>
        <translation>%1
詳細資料：%2</translation>
    </message>
    <message>
        <source>The account is signed in but may not read referrals. Ask a global admin to give it the Referrals admin role in Partner Center (Account settings, User management), then check again.</source>
        <translation>帳戶已登入，但沒有讀取轉介的權限。請全域管理員在合作夥伴中心（帳戶設定、使用者管理）授與「轉介系統管理員」角色，然後再檢查一次。</translation>
    </message>
    <message>
        <source>Partner Center did not accept the sign-in. Sign in again with an account of your partner organization.</source>
        <translation>合作夥伴中心不接受此登入。請使用您合作夥伴組織的帳戶重新登入。</translation>
    </message>
    <message>
        <source>Partner Center cannot be reached. Check the network connection and the proxy settings, then check again.</source>
        <translation>無法連線到合作夥伴中心。請檢查網路連線與 Proxy 設定，然後再檢查一次。</translation>
    </message>
    <message>
        <source>Partner Center answered with an error. Wait a minute and check again.</source>
        <translation>合作夥伴中心傳回錯誤。請稍候一分鐘再檢查一次。</translation>
    </message>
    <message>
        <source>The CRM account may not read the opportunity definition. Use an account with the System Administrator or System Customizer role.</source>
        <translation>CRM 帳戶沒有讀取商機定義的權限。請使用具有系統管理員或系統自訂員角色的帳戶。</translation>
    </message>
    <message>
        <source>The CRM did not accept the sign-in. Sign in again.</source>
        <translation>CRM 不接受此登入。請重新登入。</translation>
    </message>
    <message>
        <source>The CRM address seems wrong: nothing answers there. Check the instance URL.</source>
        <translation>CRM 位址似乎有誤：該處沒有回應。請檢查執行個體 URL。</translation>
    </message>
    <message>
        <source>The CRM cannot be reached. Check the instance URL and the network connection.</source>
        <translation>無法連線到 CRM。請檢查執行個體 URL 與網路連線。</translation>
    </message>
    <message>
        <source>The CRM answered with an error. Check the instance URL and try again.</source>
        <translation>CRM 傳回錯誤。請檢查執行個體 URL 後再試一次。</translation>
    </message>
    <message>
        <source>Partner Center refused the webhook registration. The account needs the Referrals admin role; sign in again on the Partner Center page.</source>
        <translation>合作夥伴中心拒絕了 Webhook 註冊。帳戶需要「轉介系統管理員」角色；請在合作夥伴中心頁面重新登入。</translation>
    </message>
    <message>
        <source>Partner Center did not accept the registration. Check that the public URL starts with https:// and is reachable from the internet.</source>
        <translation>合作夥伴中心不接受此註冊。請確認公開 URL 以 https:// 開頭，且可從網際網路連線。</translation>
    </message>
    <message>
        <source>Partner Center asks to wait before trying again. Wait a minute, then try again.</source>
        <translation>合作夥伴中心要求稍後再試。請稍候一分鐘後再試一次。</translation>
    </message>
    <message>
        <source>The webhook API cannot be reached. Check the network connection, then try again.</source>
        <translation>無法連線到 Webhook API。請檢查網路連線後再試一次。</translation>
    </message>
</context>
</TS>
