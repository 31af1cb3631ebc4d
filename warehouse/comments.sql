-- The data dictionary: a COMMENT, in Chinese then English, on every table, view and column, so
-- any client (DuckDB's duckdb_tables()/duckdb_views()/duckdb_columns(), DBeaver, Dagster's UI)
-- shows it. Applied by pipelines.warehouse.connection.ensure_schema after views.sql on every
-- writable connection: CREATE OR REPLACE VIEW drops a view's comments, so they are re-applied
-- each time. A new table, view or column needs its comment here (tests/test_dictionary.py).
-- Amounts: tables in 元 (yuan), views in 万元 (10,000 yuan), both exact DECIMAL.
-- Run inside one transaction (refresh_views): one commit instead of one per statement (a file
-- database writes and syncs its WAL at every commit: about 2 s per connect, against about 0.1 s).


-- warehouse_meta
COMMENT ON TABLE warehouse_meta IS '仓库元数据：一行，本仓库文件的标识 — warehouse metadata: one row, this file''s identity';
COMMENT ON COLUMN warehouse_meta.warehouse_id IS '仓库标识（UUID），每个新建或重建的文件不同 — warehouse id (UUID), new for every new or rebuilt file';
COMMENT ON COLUMN warehouse_meta.created_at IS '本文件创建时间 — when this warehouse file was created';
COMMENT ON COLUMN warehouse_meta.views_sha256 IS '视图定义（views.sql 与 comments.sql）的 SHA-256，视图最近一次据此重建 — SHA-256 of the view definitions (views.sql and comments.sql) the views were last made from';

-- dim_department
COMMENT ON TABLE dim_department IS '部门（单位）维度：每个所印部门一行（部门名称/单位名称），各文档共用 — department (unit) dimension: one row per department as printed, shared by every document';
COMMENT ON COLUMN dim_department.department_key IS '部门键（代理键） — department key (surrogate)';
COMMENT ON COLUMN dim_department.department_name IS '部门（单位）名称，唯一，按部门名称/单位名称所印 — department name, unique, as printed';
COMMENT ON COLUMN dim_department.department_code IS '预算单位代码，如 200005 — budget unit code, e.g. 200005';
COMMENT ON COLUMN dim_department.supervising_name IS '主管部门名称 — supervising department name';
COMMENT ON COLUMN dim_department.supervising_code IS '主管部门代码 — supervising department code';

-- dim_document
COMMENT ON TABLE dim_document IS '文档：每个文档版本（其 SHA-256）一行，任何状态；分析用 v_documents — document: one row per document version (its SHA-256), any status; analysts read v_documents';
COMMENT ON COLUMN dim_document.document_sha256 IS '文档版本：其文件字节的 SHA-256（主键） — the document version: SHA-256 of its file bytes (key)';
COMMENT ON COLUMN dim_document.file_name IS '文件名（在来源文件夹中的路径） — file name (path within its source folder)';
COMMENT ON COLUMN dim_document.source_format IS '来源格式：text | pdf — source format: text | pdf';
COMMENT ON COLUMN dim_document.size_bytes IS '文件大小（字节） — file size in bytes';
COMMENT ON COLUMN dim_document.parser IS '产生事实的解析器（名称/版本） — parser (name/version) that produced the facts';
COMMENT ON COLUMN dim_document.department_key IS '部门键（dim_department）；无法解析时为 NULL — department key (dim_department); NULL when the document could not be parsed';
COMMENT ON COLUMN dim_document.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN dim_document.kind IS '文档种类：决算 — kind of document: 决算 (final accounts)';
COMMENT ON COLUMN dim_document.scope IS '范围：部门 | 单位 — scope: 部门 (department) | 单位 (unit)';
COMMENT ON COLUMN dim_document.amount_unit IS '文档所印金额单位：万元 | 元 — amount unit printed in the document: 万元 | 元';
COMMENT ON COLUMN dim_document.page_count IS '页数 — number of pages';
COMMENT ON COLUMN dim_document.tables_found IS '找到的标准表（公开01 … 公开10） — standard tables found (公开01 … 公开10)';
COMMENT ON COLUMN dim_document.status IS '版本状态：current | superseded | held | duplicate | quarantined | failed | validated — version status; analysts'' views show only current';
COMMENT ON COLUMN dim_document.status_reason IS '状态原因（未通过的校验、暂缓版本缺少或新增什么） — why this status (failed checks; what a held version lacks or adds)';
COMMENT ON COLUMN dim_document.superseded_by IS '取代它的版本（重复版本：它所重复的版本） — the version that replaced it (for a duplicate: the version it repeats)';
COMMENT ON COLUMN dim_document.ingested_at IS '入库时间（UTC） — when it was loaded (UTC)';
COMMENT ON COLUMN dim_document.run_id IS 'Dagster 运行标识 — Dagster run id';
COMMENT ON COLUMN dim_document.published_at IS '发布日期：所印日期，否则 PDF 元数据，否则文件时间 — publication date: printed, else PDF metadata, else the file''s time';
COMMENT ON COLUMN dim_document.published_from IS 'published_at 的来源：printed | PDF metadata | file time — where published_at comes from';
COMMENT ON COLUMN dim_document.content_sha256 IS '事实内容的哈希：事实相同则哈希相同 — hash of its facts: same facts, same hash';
COMMENT ON COLUMN dim_document.compared_with IS '评判时对照的当前版本 — the current version it was judged against';

-- dim_document_table
COMMENT ON TABLE dim_document_table IS '文档中的标准表：文档有哪些公开01–10表及如何读取；缺少的表无行 — standard tables a document has and how each was read; a table it lacks has no row';
COMMENT ON COLUMN dim_document_table.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN dim_document_table.table_id IS '标准表：公开01 … 公开10 — standard table: 公开01 … 公开10';
COMMENT ON COLUMN dim_document_table.title IS '表名（所印） — title as printed';
COMMENT ON COLUMN dim_document_table.label IS '所印表号：公开01表、表1、附表1 或 NULL — printed table number: 公开01表, 表1, 附表1 or NULL';
COMMENT ON COLUMN dim_document_table.amount_unit IS '本表所印金额单位：万元 | 元 — amount unit printed on this table: 万元 | 元';
COMMENT ON COLUMN dim_document_table.layout IS '读取本表的模板版式 — template layout that read the table';
COMMENT ON COLUMN dim_document_table.pages IS '本表所在页 — pages the table is on';
COMMENT ON COLUMN dim_document_table.is_empty IS '是否标注本表无数据（存在但无数据） — marked 本表无数据: present, with no data';
COMMENT ON COLUMN dim_document_table.row_count IS '数据行数 — number of data rows';
COMMENT ON COLUMN dim_document_table.title_line IS '表名在文本形式中的行号 — line of the title in the text form';
COMMENT ON COLUMN dim_document_table.extraction_flavor IS '仅 PDF：所用 camelot 方式 — PDF only: camelot flavor(s) used';
COMMENT ON COLUMN dim_document_table.extraction_accuracy IS '仅 PDF：camelot 解析报告的准确度 — PDF only: accuracy from camelot''s parsing report';
COMMENT ON COLUMN dim_document_table.extraction_whitespace IS '仅 PDF：camelot 解析报告的空白率 — PDF only: whitespace from camelot''s parsing report';
COMMENT ON COLUMN dim_document_table.problem IS '无法读取的原因（页和尝试过的读法；其行未入库，文档被隔离）；已读取为 NULL — why the table could not be read (its rows not landed, the document quarantined); NULL when read';

-- dim_function_subject
COMMENT ON TABLE dim_function_subject IS '支出功能分类科目，按编码跨文档统一（类3位、款5位、项7位） — function classification subjects, conformed by code across documents';
COMMENT ON COLUMN dim_function_subject.subject_code IS '功能分类科目编码 — function subject code';
COMMENT ON COLUMN dim_function_subject.subject_name IS '科目名称（该编码首次所见的名称） — subject name (the first name seen for the code)';
COMMENT ON COLUMN dim_function_subject.subject_level IS '级次：类 | 款 | 项 — level: 类 (class) | 款 (section) | 项 (item)';
COMMENT ON COLUMN dim_function_subject.level_no IS '级次序号：1 | 2 | 3 — level number: 1 | 2 | 3';
COMMENT ON COLUMN dim_function_subject.parent_code IS '上级科目编码 — parent subject code';

-- dim_economic_subject
COMMENT ON TABLE dim_economic_subject IS '部门预算支出经济分类科目（类/款） — economic classification subjects of departmental budgets (类/款)';
COMMENT ON COLUMN dim_economic_subject.economic_code IS '经济分类科目编码 — economic subject code';
COMMENT ON COLUMN dim_economic_subject.economic_name IS '经济分类科目名称 — economic subject name';
COMMENT ON COLUMN dim_economic_subject.economic_level IS '级次：类 | 款 — level: 类 (class) | 款 (section)';
COMMENT ON COLUMN dim_economic_subject.parent_code IS '上级科目编码 — parent subject code';
COMMENT ON COLUMN dim_economic_subject.cost_group IS '经费类别：人员经费（301、303）| 公用经费（其余） — cost group: personnel (301, 303) | public (the rest)';

-- dim_income_source
COMMENT ON TABLE dim_income_source IS '收入来源：公开02 的列名 — income sources: the 公开02 column labels';
COMMENT ON COLUMN dim_income_source.income_source IS '收入来源（财政拨款收入、事业收入 …；本年收入合计为行合计） — income source (本年收入合计 is the row total)';
COMMENT ON COLUMN dim_income_source.sort_order IS '模板中的列序 — column order in the template';
COMMENT ON COLUMN dim_income_source.is_total IS '是否本年收入合计 — is 本年收入合计 (the row total)';

-- dim_three_public_item
COMMENT ON TABLE dim_three_public_item IS '“三公”经费项目：公开09 模板的项目 — “三公” items: 公开09''s items, from its template';
COMMENT ON COLUMN dim_three_public_item.item IS '项目名称 — item name';
COMMENT ON COLUMN dim_three_public_item.sort_order IS '模板中的顺序 — order in the template';
COMMENT ON COLUMN dim_three_public_item.parent_item IS '所属小计（公务用车购置及运行维护费） — the 小计 (subtotal) the item is part of';
COMMENT ON COLUMN dim_three_public_item.is_total IS '是否合计 — is 合计 (the total)';
COMMENT ON COLUMN dim_three_public_item.in_total IS '是否计入合计（会议费、培训费列于旁，不计入） — covered by 合计 (会议费 and 培训费, printed beside, are not)';

-- dim_expenditure_type
COMMENT ON TABLE dim_expenditure_type IS '支出类型：公开03/07 的列名 — expenditure types: the column labels of 公开03 and 公开07';
COMMENT ON COLUMN dim_expenditure_type.expenditure_type IS '支出类型（基本支出、项目支出 …；本年支出合计为行合计） — expenditure type (本年支出合计 is the row total)';
COMMENT ON COLUMN dim_expenditure_type.sort_order IS '模板中的列序 — column order in the template';
COMMENT ON COLUMN dim_expenditure_type.is_total IS '是否本年支出合计 — is 本年支出合计 (the row total)';
COMMENT ON COLUMN dim_expenditure_type.is_expenditure IS '是否支出（公开07 的年初结转和结余、本年收入、年末结转和结余为否） — is spending (false for 公开07''s carry-over and income columns)';

-- fact_income
COMMENT ON TABLE fact_income IS '收入决算 (公开02)：科目行 × 收入来源，金额（元）；分析用 v_income — income (公开02): subject row × income source, amounts in 元; analysts read v_income';
COMMENT ON COLUMN fact_income.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_income.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_income.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_income.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN fact_income.row_label IS '行名称（原文） — row label as printed';
COMMENT ON COLUMN fact_income.income_source IS '收入来源（列） — income source (the column)';
COMMENT ON COLUMN fact_income.amount_yuan IS '金额（元），cell_flag 不是 value 时为 NULL — amount in 元 (yuan), exact DECIMAL; NULL unless cell_flag = ''value''';
COMMENT ON COLUMN fact_income.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN fact_income.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN fact_income.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_income.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_income.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_income.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN fact_income.printed_code IS '所印编码，仅当它不是科目编码时（subject_code 则按行名认定） — code as printed, set only when it is no subject code (subject_code is then read by the row''s name)';
COMMENT ON COLUMN fact_income.is_leaf IS '是否最细一级行（无更长编码的行延伸它；入库时判定） — leaf: a coded line that no longer-coded line of the same table extends (decided when the document lands)';

-- fact_expenditure
COMMENT ON TABLE fact_expenditure IS '支出决算 (公开03 全部资金、05、07、08 财政拨款)：资金范围 × 科目行 × 支出类型，金额（元）；分析用 v_expenditure — expenditure (公开03/05/07/08): fund scope × subject row × type, amounts in 元';
COMMENT ON COLUMN fact_expenditure.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_expenditure.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_expenditure.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_expenditure.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN fact_expenditure.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN fact_expenditure.row_label IS '行名称（原文） — row label as printed';
COMMENT ON COLUMN fact_expenditure.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN fact_expenditure.amount_yuan IS '金额（元），cell_flag 不是 value 时为 NULL — amount in 元 (yuan), exact DECIMAL; NULL unless cell_flag = ''value''';
COMMENT ON COLUMN fact_expenditure.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN fact_expenditure.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN fact_expenditure.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_expenditure.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_expenditure.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_expenditure.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN fact_expenditure.printed_code IS '所印编码，仅当它不是科目编码时（subject_code 则按行名认定） — code as printed, set only when it is no subject code (subject_code is then read by the row''s name)';
COMMENT ON COLUMN fact_expenditure.is_leaf IS '是否最细一级行（无更长编码的行延伸它；入库时判定） — leaf: a coded line that no longer-coded line of the same table extends (decided when the document lands)';

-- fact_summary_line
COMMENT ON TABLE fact_summary_line IS '收入支出决算总表 (公开01、04)：两侧，侧 × 项目 × 列，金额（元）；分析用 v_summary — summary tables (公开01, 04), both sides: side × item × column, amounts in 元';
COMMENT ON COLUMN fact_summary_line.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_summary_line.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_summary_line.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_summary_line.side IS '侧：收入 | 支出 — side: 收入 (income) | 支出 (expenditure)';
COMMENT ON COLUMN fact_summary_line.item IS '项目（去掉编号） — item, numbering stripped';
COMMENT ON COLUMN fact_summary_line.item_label IS '项目（所印） — item as printed';
COMMENT ON COLUMN fact_summary_line.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN fact_summary_line.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
COMMENT ON COLUMN fact_summary_line.amount_yuan IS '金额（元），cell_flag 不是 value 时为 NULL — amount in 元 (yuan), exact DECIMAL; NULL unless cell_flag = ''value''';
COMMENT ON COLUMN fact_summary_line.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN fact_summary_line.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN fact_summary_line.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_summary_line.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_summary_line.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_summary_line.source_row IS '表内数据行号 — data row within the source table';

-- fact_basic_expenditure
COMMENT ON TABLE fact_basic_expenditure IS '基本支出明细 (公开06)：经济分类科目及人员经费合计/公用经费合计行，金额（元）；分析用 v_basic_expenditure — basic expenditure (公开06) by economic subject, amounts in 元';
COMMENT ON COLUMN fact_basic_expenditure.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_basic_expenditure.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_basic_expenditure.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_basic_expenditure.economic_code IS '支出经济分类科目编码（类3位、款5位；合计行为 NULL） — economic classification code (类 3 digits, 款 5; NULL on 人员经费合计 / 公用经费合计)';
COMMENT ON COLUMN fact_basic_expenditure.row_label IS '行名称（原文） — row label as printed';
COMMENT ON COLUMN fact_basic_expenditure.cost_group IS '经费类别：人员经费 | 公用经费 — cost group: personnel (人员经费) | public (公用经费)';
COMMENT ON COLUMN fact_basic_expenditure.amount_yuan IS '金额（元），cell_flag 不是 value 时为 NULL — amount in 元 (yuan), exact DECIMAL; NULL unless cell_flag = ''value''';
COMMENT ON COLUMN fact_basic_expenditure.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN fact_basic_expenditure.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN fact_basic_expenditure.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_basic_expenditure.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_basic_expenditure.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_basic_expenditure.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN fact_basic_expenditure.is_leaf IS '是否最细一级行（无更长编码的行延伸它；入库时判定） — leaf: a coded line that no longer-coded line of the same table extends (decided when the document lands)';

-- fact_three_public
COMMENT ON TABLE fact_three_public IS '“三公”经费 (公开09)：项目 × 预算数/决算数（元），各含原文与标记；分析用 v_three_public — “三公” expenses (公开09): item × budget/actual in 元, each with its text and flag';
COMMENT ON COLUMN fact_three_public.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_three_public.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_three_public.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_three_public.item IS '项目（dim_three_public_item） — item (dim_three_public_item)';
COMMENT ON COLUMN fact_three_public.budget_yuan IS '预算数（元） — budget in 元 (yuan), exact DECIMAL; NULL unless budget_flag = ''value''';
COMMENT ON COLUMN fact_three_public.budget_text IS '预算数原文 — budget cell as printed';
COMMENT ON COLUMN fact_three_public.budget_flag IS '预算数标记：value | blank | dash | not_applicable — budget cell flag';
COMMENT ON COLUMN fact_three_public.actual_yuan IS '决算数（元） — actual in 元 (yuan), exact DECIMAL; NULL unless actual_flag = ''value''';
COMMENT ON COLUMN fact_three_public.actual_text IS '决算数原文 — actual cell as printed';
COMMENT ON COLUMN fact_three_public.actual_flag IS '决算数标记：value | blank | dash | not_applicable — actual cell flag';
COMMENT ON COLUMN fact_three_public.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_three_public.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_three_public.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_three_public.source_row IS '表内数据行号 — data row within the source table';

-- fact_disclosure_stat
COMMENT ON TABLE fact_disclosure_stat IS '部门决算公开相关信息统计表 (公开10)：项目，金额（元）或数量 — disclosure statistics (公开10): item, an amount in 元 or a count';
COMMENT ON COLUMN fact_disclosure_stat.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_disclosure_stat.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_disclosure_stat.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_disclosure_stat.section IS '部分（政府采购情况、机关运行经费、国有资产占用情况 …） — section of the table';
COMMENT ON COLUMN fact_disclosure_stat.item IS '项目（所印） — item as printed';
COMMENT ON COLUMN fact_disclosure_stat.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN fact_disclosure_stat.measure IS '量度：amount（元）| count（辆、台（套）） — measure: amount (元) | count (vehicles, sets)';
COMMENT ON COLUMN fact_disclosure_stat.amount_yuan IS '金额（元），measure = amount 且 cell_flag = value 时 — amount in 元 (yuan), exact DECIMAL, when measure = ''amount''';
COMMENT ON COLUMN fact_disclosure_stat.count_value IS '数量（辆、台（套）），measure = count 时 — count (vehicles, sets) when measure = ''count''';
COMMENT ON COLUMN fact_disclosure_stat.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN fact_disclosure_stat.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN fact_disclosure_stat.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_disclosure_stat.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_disclosure_stat.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_disclosure_stat.source_row IS '表内数据行号 — data row within the source table';

-- fact_project_performance
COMMENT ON TABLE fact_project_performance IS '项目支出绩效自评表：每个项目一行，预算、执行、结余（元）、执行率、得分；分析用 v_project_performance — project performance self-evaluation: one row per project';
COMMENT ON COLUMN fact_project_performance.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_project_performance.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_project_performance.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_project_performance.project_name IS '项目名称 — project name';
COMMENT ON COLUMN fact_project_performance.supervising_department IS '主管部门（所印） — supervising department as printed';
COMMENT ON COLUMN fact_project_performance.budget_unit IS '实施单位/预算单位（所印） — budget unit as printed';
COMMENT ON COLUMN fact_project_performance.initial_budget_yuan IS '年初预算数（元） — initial budget in 元 (yuan)';
COMMENT ON COLUMN fact_project_performance.annual_budget_yuan IS '全年预算数（元） — full-year budget in 元 (yuan)';
COMMENT ON COLUMN fact_project_performance.executed_yuan IS '全年执行数（元） — full-year executed in 元 (yuan)';
COMMENT ON COLUMN fact_project_performance.balance_yuan IS '资金结转结余（元） — balance carried over in 元 (yuan)';
COMMENT ON COLUMN fact_project_performance.execution_rate IS '执行率（%，按所印） — execution rate in %, as printed';
COMMENT ON COLUMN fact_project_performance.budget_score IS '预算执行率得分 — score for budget execution';
COMMENT ON COLUMN fact_project_performance.total_score IS '总分 — total score';
COMMENT ON COLUMN fact_project_performance.grade IS '评价等级：优 | 良 | 中 | 差 — grade';
COMMENT ON COLUMN fact_project_performance.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_project_performance.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_project_performance.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_project_performance.source_row IS '表内数据行号 — data row within the source table';

-- fact_performance_indicator
COMMENT ON TABLE fact_performance_indicator IS '绩效指标（绩效自评表）：每个指标一行；分析用 v_performance_indicator — performance indicators of the project self-evaluations: one row per indicator';
COMMENT ON COLUMN fact_performance_indicator.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_performance_indicator.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_performance_indicator.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_performance_indicator.project_name IS '项目名称 — project name';
COMMENT ON COLUMN fact_performance_indicator.level1 IS '一级指标 — level-1 indicator';
COMMENT ON COLUMN fact_performance_indicator.level2 IS '二级指标 — level-2 indicator';
COMMENT ON COLUMN fact_performance_indicator.level3 IS '三级指标 — level-3 indicator';
COMMENT ON COLUMN fact_performance_indicator.target_initial IS '年初指标值（原文） — initial target as printed';
COMMENT ON COLUMN fact_performance_indicator.target_adjusted IS '调整后指标值（原文） — adjusted target as printed';
COMMENT ON COLUMN fact_performance_indicator.actual_value IS '实际完成值（原文） — actual value as printed';
COMMENT ON COLUMN fact_performance_indicator.weight IS '分值 — weight (points)';
COMMENT ON COLUMN fact_performance_indicator.score IS '得分 — score';
COMMENT ON COLUMN fact_performance_indicator.deviation_reason IS '偏差原因分析及改进措施 — reason for deviation';
COMMENT ON COLUMN fact_performance_indicator.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_performance_indicator.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_performance_indicator.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_performance_indicator.source_row IS '表内数据行号 — data row within the source table';

-- fact_staffing
COMMENT ON TABLE fact_staffing IS '编制与人员（第一部分 概况）：各量度的人数；分析用 v_staffing — staffing (overview): headcount per measure';
COMMENT ON COLUMN fact_staffing.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_staffing.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_staffing.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_staffing.measure IS '量度：编制数 | 年末实有人数 | 所印类别（参公编制、处级 …） — measure: authorised posts, year-end staff, or a printed category';
COMMENT ON COLUMN fact_staffing.headcount IS '人数 — headcount';
COMMENT ON COLUMN fact_staffing.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_staffing.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_staffing.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_staffing.source_row IS '表内数据行号 — data row within the source table';

-- fact_internal_department
COMMENT ON TABLE fact_internal_department IS '内设机构（第一部分 概况），按所印顺序 — internal departments (overview), in printed order';
COMMENT ON COLUMN fact_internal_department.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_internal_department.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_internal_department.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_internal_department.seq IS '所印顺序 — order as printed';
COMMENT ON COLUMN fact_internal_department.internal_department IS '内设机构名称 — internal department name';
COMMENT ON COLUMN fact_internal_department.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_internal_department.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_internal_department.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_internal_department.source_row IS '表内数据行号 — data row within the source table';

-- fact_narrative
COMMENT ON TABLE fact_narrative IS '情况说明中的数字：每个陈述的数字一行（金额为元）；分析用 v_narrative — figures the narrative (情况说明) states, one row each (money in 元)';
COMMENT ON COLUMN fact_narrative.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_narrative.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN fact_narrative.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN fact_narrative.section IS '情况说明的章节（所印） — narrative section as printed';
COMMENT ON COLUMN fact_narrative.subject IS '所述对象（所印） — subject as printed';
COMMENT ON COLUMN fact_narrative.quantity IS '规范量键，如 total_income、income:财政拨款收入、economic:30201 — canonical quantity key, e.g. total_income, income:财政拨款收入';
COMMENT ON COLUMN fact_narrative.measure IS '量度：amount | share_pct | yoy_change | yoy_pct | completion_pct | budget | count | prior_year（预算：上年预算执行数） — measure';
COMMENT ON COLUMN fact_narrative.value IS '数值（金额为元，否则为 % 或数量） — value: 元 for money, else % or a count';
COMMENT ON COLUMN fact_narrative.unit IS '单位：元、%、个 … — unit of value (元 for money)';
COMMENT ON COLUMN fact_narrative.prior_year_value IS '上年数（由所述变化推出） — prior-year value, derived from a stated change';
COMMENT ON COLUMN fact_narrative.sentence IS '所在句子（原文） — the sentence as printed';
COMMENT ON COLUMN fact_narrative.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN fact_narrative.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN fact_narrative.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN fact_narrative.source_row IS '表内数据行号 — data row within the source table';

-- fact_validation
COMMENT ON TABLE fact_validation IS '校验（Great Expectations）：每项已评估的校验一行，每套一行 summary；分析用 v_validation — validation: one row per evaluated check and a summary row per suite';
COMMENT ON COLUMN fact_validation.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN fact_validation.suite IS '校验套件（document_completeness、balanced_totals …） — expectation suite';
COMMENT ON COLUMN fact_validation.check_name IS '校验名称（summary：套件汇总） — check name (''summary'': the suite''s summary row)';
COMMENT ON COLUMN fact_validation.severity IS '严重程度：error | warning — severity: error | warning';
COMMENT ON COLUMN fact_validation.success IS '是否通过 — whether the check passed';
COMMENT ON COLUMN fact_validation.expected IS '期望值（unit 所示单位） — expected value, in unit';
COMMENT ON COLUMN fact_validation.actual IS '实际值（unit 所示单位） — actual value, in unit';
COMMENT ON COLUMN fact_validation.difference IS '差额 = 实际 − 期望 — difference: actual − expected, in unit';
COMMENT ON COLUMN fact_validation.unit IS '单位：金额为元，否则为数字本身的单位 — unit: 元 for money, else the figures'' own unit';
COMMENT ON COLUMN fact_validation.location IS '位置（表、行、列的文字说明） — location, in words (table, row, column)';
COMMENT ON COLUMN fact_validation.detail IS '详情 — detail of the finding';
COMMENT ON COLUMN fact_validation.validated_at IS '校验时间（UTC） — when validated (UTC)';
COMMENT ON COLUMN fact_validation.tolerance IS '舍入容差（unit 所示单位） — rounding allowance, in unit';
COMMENT ON COLUMN fact_validation.location_table IS '位置所在表：公开01 … 公开10、情况说明、绩效自评表 — table of the location';
COMMENT ON COLUMN fact_validation.location_row IS '位置行：表的数据行；情况说明/绩效自评表为文本行号 — row of the location: the table''s data row; the text line for 情况说明 / 绩效自评表';
COMMENT ON COLUMN fact_validation.location_column IS '位置列（规范列名） — column of the location (canonical name)';
COMMENT ON COLUMN fact_validation.finding IS '发现类型：extraction（读取存疑）| source（文档自身不一致） — finding: extraction (our reading in doubt) | source (the document disagrees with itself)';

-- publication_decision
COMMENT ON TABLE publication_decision IS '发布决定：有人有意发布了一个暂缓（held）版本 — publication decision: a person published a held version on purpose';
COMMENT ON COLUMN publication_decision.document_sha256 IS '被发布的文档版本 — the document version published';
COMMENT ON COLUMN publication_decision.decided_at IS '决定时间（UTC） — when decided (UTC)';
COMMENT ON COLUMN publication_decision.decided_by IS '决定人 — who decided';
COMMENT ON COLUMN publication_decision.note IS '理由 — why it was published';

-- ingestion_log
COMMENT ON TABLE ingestion_log IS '入库日志：每个文件每次运行一行 — ingestion log: what happened to each file, one row per file per run';
COMMENT ON COLUMN ingestion_log.logged_at IS '记录时间（UTC） — when logged (UTC)';
COMMENT ON COLUMN ingestion_log.run_id IS 'Dagster 运行标识 — Dagster run id';
COMMENT ON COLUMN ingestion_log.file_name IS '文件名（在来源文件夹中的路径） — file name (path within its source folder)';
COMMENT ON COLUMN ingestion_log.source IS '来源文件夹或 URL — the folder (or URL) it came from';
COMMENT ON COLUMN ingestion_log.document_sha256 IS '文档版本（其字节的 SHA-256） — the document version (SHA-256 of its bytes)';
COMMENT ON COLUMN ingestion_log.status IS '结果：landed | held | quarantined | failed | skipped — outcome of the file in this run';
COMMENT ON COLUMN ingestion_log.reason IS '原因 — reason';
COMMENT ON COLUMN ingestion_log.duration_ms IS '耗时（毫秒） — duration in milliseconds';

-- v_current_document
COMMENT ON VIEW v_current_document IS '当前版本：每个部门-年度的当前文档（status = current），粒度：文档 — current version of each department-year; grain: document';
COMMENT ON COLUMN v_current_document.document_sha256 IS '文档版本：其文件字节的 SHA-256（主键） — the document version: SHA-256 of its file bytes (key)';
COMMENT ON COLUMN v_current_document.file_name IS '文件名（在来源文件夹中的路径） — file name (path within its source folder)';
COMMENT ON COLUMN v_current_document.source_format IS '来源格式：text | pdf — source format: text | pdf';
COMMENT ON COLUMN v_current_document.size_bytes IS '文件大小（字节） — file size in bytes';
COMMENT ON COLUMN v_current_document.parser IS '产生事实的解析器（名称/版本） — parser (name/version) that produced the facts';
COMMENT ON COLUMN v_current_document.department_key IS '部门键（dim_department）；无法解析时为 NULL — department key (dim_department); NULL when the document could not be parsed';
COMMENT ON COLUMN v_current_document.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_current_document.kind IS '文档种类：决算 — kind of document: 决算 (final accounts)';
COMMENT ON COLUMN v_current_document.scope IS '范围：部门 | 单位 — scope: 部门 (department) | 单位 (unit)';
COMMENT ON COLUMN v_current_document.amount_unit IS '文档所印金额单位：万元 | 元 — amount unit printed in the document: 万元 | 元';
COMMENT ON COLUMN v_current_document.page_count IS '页数 — number of pages';
COMMENT ON COLUMN v_current_document.tables_found IS '找到的标准表（公开01 … 公开10） — standard tables found (公开01 … 公开10)';
COMMENT ON COLUMN v_current_document.status IS '版本状态：current | superseded | held | duplicate | quarantined | failed | validated — version status; analysts'' views show only current';
COMMENT ON COLUMN v_current_document.status_reason IS '状态原因（未通过的校验、暂缓版本缺少或新增什么） — why this status (failed checks; what a held version lacks or adds)';
COMMENT ON COLUMN v_current_document.superseded_by IS '取代它的版本（重复版本：它所重复的版本） — the version that replaced it (for a duplicate: the version it repeats)';
COMMENT ON COLUMN v_current_document.ingested_at IS '入库时间（UTC） — when it was loaded (UTC)';
COMMENT ON COLUMN v_current_document.run_id IS 'Dagster 运行标识 — Dagster run id';
COMMENT ON COLUMN v_current_document.published_at IS '发布日期：所印日期，否则 PDF 元数据，否则文件时间 — publication date: printed, else PDF metadata, else the file''s time';
COMMENT ON COLUMN v_current_document.published_from IS 'published_at 的来源：printed | PDF metadata | file time — where published_at comes from';
COMMENT ON COLUMN v_current_document.content_sha256 IS '事实内容的哈希：事实相同则哈希相同 — hash of its facts: same facts, same hash';
COMMENT ON COLUMN v_current_document.compared_with IS '评判时对照的当前版本 — the current version it was judged against';
COMMENT ON COLUMN v_current_document.department IS '部门（单位）名称，按所印 — department (unit) name as printed';

-- income_cell
COMMENT ON VIEW income_cell IS '内部视图：当前文档公开02 的每个数值单元格（各粒度），不可直接求和 — internal: every 公开02 value cell of a current document, every grain; do not sum';
COMMENT ON COLUMN income_cell.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN income_cell.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN income_cell.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN income_cell.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN income_cell.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN income_cell.row_label IS '行名称（原文） — row label as printed';
COMMENT ON COLUMN income_cell.income_source IS '收入来源（列） — income source (the column)';
COMMENT ON COLUMN income_cell.amount_yuan IS '金额（元），cell_flag 不是 value 时为 NULL — amount in 元 (yuan), exact DECIMAL; NULL unless cell_flag = ''value''';
COMMENT ON COLUMN income_cell.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN income_cell.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN income_cell.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN income_cell.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN income_cell.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN income_cell.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN income_cell.printed_code IS '所印编码，仅当它不是科目编码时（subject_code 则按行名认定） — code as printed, set only when it is no subject code (subject_code is then read by the row''s name)';
COMMENT ON COLUMN income_cell.is_total_column IS '是否合计列（本年收入合计 / 本年支出合计） — the column is the row total (本年收入合计 / 本年支出合计)';
COMMENT ON COLUMN income_cell.is_leaf IS '是否最细一级行（无更长编码的行延伸它） — leaf: a coded line that no longer-coded line of the same table extends';

-- v_income
COMMENT ON VIEW v_income IS '收入决算 (公开02)，万元；粒度：最细科目 × 收入来源，直接求和即所印本年收入合计 — income, 万元; grain: leaf subject × income source; a plain SUM is the printed total';
COMMENT ON COLUMN v_income.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_income.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_income.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_income.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_income.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_income.income_source IS '收入来源（公开02 列）：财政拨款收入、事业收入 …；本年收入合计为行合计 — income source (a 公开02 column); 本年收入合计 is the row total';
COMMENT ON COLUMN v_income.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_income.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_income.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_income.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_income.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_income.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_income.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_income.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';

-- v_income_total
COMMENT ON VIEW v_income_total IS '收入决算合计 (公开02)，万元；粒度：所印合计/类款小计单元格及本年收入合计列 — income totals, 万元; grain: a printed total or subtotal cell';
COMMENT ON COLUMN v_income_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_income_total.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_income_total.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_income_total.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_income_total.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_income_total.income_source IS '收入来源（公开02 列）：财政拨款收入、事业收入 …；本年收入合计为行合计 — income source (a 公开02 column); 本年收入合计 is the row total';
COMMENT ON COLUMN v_income_total.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_income_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_income_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_income_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_income_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_income_total.source_row IS '表内数据行号 — data row within the source table';

-- expenditure_cell
COMMENT ON VIEW expenditure_cell IS '内部视图：当前文档支出表 公开03/05/07/08 的每个数值单元格（各粒度），不可直接求和 — internal: every expenditure value cell of a current document, every grain; do not sum';
COMMENT ON COLUMN expenditure_cell.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN expenditure_cell.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN expenditure_cell.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN expenditure_cell.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN expenditure_cell.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN expenditure_cell.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN expenditure_cell.row_label IS '行名称（原文） — row label as printed';
COMMENT ON COLUMN expenditure_cell.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN expenditure_cell.amount_yuan IS '金额（元），cell_flag 不是 value 时为 NULL — amount in 元 (yuan), exact DECIMAL; NULL unless cell_flag = ''value''';
COMMENT ON COLUMN expenditure_cell.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN expenditure_cell.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN expenditure_cell.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN expenditure_cell.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN expenditure_cell.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN expenditure_cell.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN expenditure_cell.printed_code IS '所印编码，仅当它不是科目编码时（subject_code 则按行名认定） — code as printed, set only when it is no subject code (subject_code is then read by the row''s name)';
COMMENT ON COLUMN expenditure_cell.is_total_column IS '是否合计列（本年收入合计 / 本年支出合计） — the column is the row total (本年收入合计 / 本年支出合计)';
COMMENT ON COLUMN expenditure_cell.is_leaf IS '是否最细一级行（无更长编码的行延伸它） — leaf: a coded line that no longer-coded line of the same table extends';

-- v_expenditure
COMMENT ON VIEW v_expenditure IS '支出决算 (公开03，全部资金)，万元；粒度：最细科目 × 支出类型，直接求和即所印本年支出合计 — expenditure, all funds, 万元; grain: leaf subject × expenditure type; a plain SUM is the printed total';
COMMENT ON COLUMN v_expenditure.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_expenditure.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_expenditure.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_expenditure.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_expenditure.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_expenditure.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_expenditure.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_expenditure.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_expenditure.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_expenditure.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_expenditure.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_expenditure.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_expenditure.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_expenditure.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_expenditure.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';

-- v_expenditure_general
COMMENT ON VIEW v_expenditure_general IS '一般公共预算财政拨款支出 (公开05)，万元；粒度：最细科目 × 支出类型 — general public budget expenditure, 万元; grain: leaf subject × expenditure type';
COMMENT ON COLUMN v_expenditure_general.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_expenditure_general.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_expenditure_general.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_expenditure_general.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_expenditure_general.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_expenditure_general.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_expenditure_general.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_expenditure_general.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_expenditure_general.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_expenditure_general.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_expenditure_general.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_expenditure_general.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_expenditure_general.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_expenditure_general.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_expenditure_general.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';

-- v_expenditure_fund
COMMENT ON VIEW v_expenditure_fund IS '政府性基金预算财政拨款支出 (公开07)，万元；粒度：最细科目 × 支出类型 — government fund expenditure, 万元; grain: leaf subject × expenditure type';
COMMENT ON COLUMN v_expenditure_fund.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_expenditure_fund.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_expenditure_fund.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_expenditure_fund.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_expenditure_fund.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_expenditure_fund.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_expenditure_fund.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_expenditure_fund.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_expenditure_fund.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_expenditure_fund.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_expenditure_fund.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_expenditure_fund.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_expenditure_fund.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_expenditure_fund.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_expenditure_fund.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';

-- v_expenditure_capital
COMMENT ON VIEW v_expenditure_capital IS '国有资本经营预算财政拨款支出 (公开08)，万元；粒度：最细科目 × 支出类型 — state capital expenditure, 万元; grain: leaf subject × expenditure type';
COMMENT ON COLUMN v_expenditure_capital.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_expenditure_capital.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_expenditure_capital.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_expenditure_capital.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_expenditure_capital.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_expenditure_capital.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_expenditure_capital.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_expenditure_capital.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_expenditure_capital.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_expenditure_capital.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_expenditure_capital.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_expenditure_capital.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_expenditure_capital.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_expenditure_capital.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_expenditure_capital.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';

-- v_expenditure_total
COMMENT ON VIEW v_expenditure_total IS '支出合计，万元；粒度：所印合计/类款小计单元格及本年支出合计列，各资金范围 — expenditure totals, 万元; grain: a printed total or subtotal cell, every fund scope';
COMMENT ON COLUMN v_expenditure_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_expenditure_total.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_expenditure_total.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_expenditure_total.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_expenditure_total.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_expenditure_total.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_expenditure_total.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_expenditure_total.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_expenditure_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_expenditure_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_expenditure_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_expenditure_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_expenditure_total.source_row IS '表内数据行号 — data row within the source table';

-- v_summary
COMMENT ON VIEW v_summary IS '收入支出决算总表 (公开01)，万元；粒度：侧 × 项目 × 列 — income and expenditure summary, 万元; grain: side × item × column';
COMMENT ON COLUMN v_summary.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_summary.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_summary.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_summary.side IS '侧：收入 | 支出 — side: 收入 (income) | 支出 (expenditure)';
COMMENT ON COLUMN v_summary.item IS '项目（去掉编号） — item, numbering stripped';
COMMENT ON COLUMN v_summary.item_label IS '项目（所印） — item as printed';
COMMENT ON COLUMN v_summary.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN v_summary.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
COMMENT ON COLUMN v_summary.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_summary.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_summary.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_summary.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_summary.source_row IS '表内数据行号 — data row within the source table';

-- v_fiscal_summary
COMMENT ON VIEW v_fiscal_summary IS '财政拨款收入支出决算总表 (公开04)，万元；粒度：侧 × 项目 × 列 — fiscal appropriation summary, 万元; grain: side × item × column';
COMMENT ON COLUMN v_fiscal_summary.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_fiscal_summary.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_fiscal_summary.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_fiscal_summary.side IS '侧：收入 | 支出 — side: 收入 (income) | 支出 (expenditure)';
COMMENT ON COLUMN v_fiscal_summary.item IS '项目（去掉编号） — item, numbering stripped';
COMMENT ON COLUMN v_fiscal_summary.item_label IS '项目（所印） — item as printed';
COMMENT ON COLUMN v_fiscal_summary.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN v_fiscal_summary.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
COMMENT ON COLUMN v_fiscal_summary.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_fiscal_summary.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_fiscal_summary.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_fiscal_summary.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_fiscal_summary.source_row IS '表内数据行号 — data row within the source table';

-- basic_expenditure_cell
COMMENT ON VIEW basic_expenditure_cell IS '内部视图：当前文档公开06 的每个数值单元格（各粒度），不可直接求和 — internal: every 公开06 value cell of a current document, every grain; do not sum';
COMMENT ON COLUMN basic_expenditure_cell.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN basic_expenditure_cell.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN basic_expenditure_cell.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN basic_expenditure_cell.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN basic_expenditure_cell.economic_code IS '支出经济分类科目编码（类3位、款5位；合计行为 NULL） — economic classification code (类 3 digits, 款 5; NULL on 人员经费合计 / 公用经费合计)';
COMMENT ON COLUMN basic_expenditure_cell.row_label IS '行名称（原文） — row label as printed';
COMMENT ON COLUMN basic_expenditure_cell.cost_group IS '经费类别：人员经费 | 公用经费 — cost group: personnel (人员经费) | public (公用经费)';
COMMENT ON COLUMN basic_expenditure_cell.amount_yuan IS '金额（元），cell_flag 不是 value 时为 NULL — amount in 元 (yuan), exact DECIMAL; NULL unless cell_flag = ''value''';
COMMENT ON COLUMN basic_expenditure_cell.cell_text IS '单元格原文 — the cell as printed';
COMMENT ON COLUMN basic_expenditure_cell.cell_flag IS '单元格标记：value（数字，含0）| blank（未填：未报告）| dash（"-"：无）| not_applicable（"——"） — cell flag: value (a number, 0 included) | blank (none reported) | dash (nil) | not_applicable';
COMMENT ON COLUMN basic_expenditure_cell.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN basic_expenditure_cell.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN basic_expenditure_cell.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN basic_expenditure_cell.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN basic_expenditure_cell.is_leaf IS '是否最细一级行（无更长编码的行延伸它） — leaf: a coded line that no longer-coded line of the same table extends';

-- v_basic_expenditure
COMMENT ON VIEW v_basic_expenditure IS '基本支出明细 (公开06)，万元；粒度：经济分类款（无款的类），直接求和即人员经费合计 + 公用经费合计 — basic expenditure, 万元; grain: economic 款; a plain SUM is both printed totals';
COMMENT ON COLUMN v_basic_expenditure.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_basic_expenditure.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_basic_expenditure.economic_code IS '支出经济分类科目编码（类3位、款5位；合计行为 NULL） — economic classification code (类 3 digits, 款 5; NULL on 人员经费合计 / 公用经费合计)';
COMMENT ON COLUMN v_basic_expenditure.economic_name IS '经济分类科目名称（合计行为所印行名） — economic subject name (the printed label on a total row)';
COMMENT ON COLUMN v_basic_expenditure.cost_group IS '经费类别：人员经费 | 公用经费 — cost group: personnel (人员经费) | public (公用经费)';
COMMENT ON COLUMN v_basic_expenditure.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_basic_expenditure.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_basic_expenditure.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_basic_expenditure.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_basic_expenditure.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_basic_expenditure.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_basic_expenditure.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';

-- v_basic_expenditure_total
COMMENT ON VIEW v_basic_expenditure_total IS '基本支出合计 (公开06)，万元；粒度：有款的类小计、人员经费合计、公用经费合计 — basic expenditure totals, 万元; grain: a printed 类 subtotal or cost-group total';
COMMENT ON COLUMN v_basic_expenditure_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_basic_expenditure_total.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_basic_expenditure_total.economic_code IS '支出经济分类科目编码（类3位、款5位；合计行为 NULL） — economic classification code (类 3 digits, 款 5; NULL on 人员经费合计 / 公用经费合计)';
COMMENT ON COLUMN v_basic_expenditure_total.economic_name IS '经济分类科目名称（合计行为所印行名） — economic subject name (the printed label on a total row)';
COMMENT ON COLUMN v_basic_expenditure_total.cost_group IS '经费类别：人员经费 | 公用经费 — cost group: personnel (人员经费) | public (公用经费)';
COMMENT ON COLUMN v_basic_expenditure_total.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_basic_expenditure_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_basic_expenditure_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_basic_expenditure_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_basic_expenditure_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_basic_expenditure_total.source_row IS '表内数据行号 — data row within the source table';

-- three_public_cell
COMMENT ON VIEW three_public_cell IS '内部视图：当前文档公开09 的每一行（含合计、小计），不可直接求和 — internal: every 公开09 row of a current document, every grain; do not sum';
COMMENT ON COLUMN three_public_cell.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN three_public_cell.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN three_public_cell.department_key IS '部门键（dim_department） — department key (dim_department)';
COMMENT ON COLUMN three_public_cell.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN three_public_cell.item IS '项目（dim_three_public_item） — item (dim_three_public_item)';
COMMENT ON COLUMN three_public_cell.budget_yuan IS '预算数（元） — budget in 元 (yuan), exact DECIMAL; NULL unless budget_flag = ''value''';
COMMENT ON COLUMN three_public_cell.budget_text IS '预算数原文 — budget cell as printed';
COMMENT ON COLUMN three_public_cell.budget_flag IS '预算数标记：value | blank | dash | not_applicable — budget cell flag';
COMMENT ON COLUMN three_public_cell.actual_yuan IS '决算数（元） — actual in 元 (yuan), exact DECIMAL; NULL unless actual_flag = ''value''';
COMMENT ON COLUMN three_public_cell.actual_text IS '决算数原文 — actual cell as printed';
COMMENT ON COLUMN three_public_cell.actual_flag IS '决算数标记：value | blank | dash | not_applicable — actual cell flag';
COMMENT ON COLUMN three_public_cell.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN three_public_cell.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN three_public_cell.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN three_public_cell.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN three_public_cell.is_total IS '是否合计 — is 合计 (the total)';
COMMENT ON COLUMN three_public_cell.in_total IS '是否计入合计（会议费、培训费不计入） — covered by 合计 (会议费 and 培训费 are not)';
COMMENT ON COLUMN three_public_cell.has_items IS '是否有下级项目（公务用车小计） — has items under it (the 公务用车 小计)';

-- v_three_public
COMMENT ON VIEW v_three_public IS '“三公”经费 (公开09)，万元；粒度：项目（公务用车分购置费与运行维护费，无合计无小计），直接求和即合计 — “三公” expenses, 万元; grain: item; a plain SUM is the 合计';
COMMENT ON COLUMN v_three_public.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_three_public.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_three_public.item IS '项目 — item';
COMMENT ON COLUMN v_three_public.budget_wan IS '预算数（万元） — budget in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_three_public.actual_wan IS '决算数（万元） — actual (final accounts) in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_three_public.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_three_public.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_three_public.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_three_public.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_three_public.source_row IS '表内数据行号 — data row within the source table';

-- v_meeting_training
COMMENT ON VIEW v_meeting_training IS '会议费、培训费 (公开09)：列于“三公”旁，不计入其合计，万元；粒度：项目 — meeting and training expenses, 万元; grain: item';
COMMENT ON COLUMN v_meeting_training.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_meeting_training.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_meeting_training.item IS '项目：会议费 | 培训费 — item: meeting | training';
COMMENT ON COLUMN v_meeting_training.budget_wan IS '预算数（万元） — budget in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_meeting_training.actual_wan IS '决算数（万元） — actual (final accounts) in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_meeting_training.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_meeting_training.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_meeting_training.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_meeting_training.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_meeting_training.source_row IS '表内数据行号 — data row within the source table';

-- v_three_public_total
COMMENT ON VIEW v_three_public_total IS '“三公”经费合计 (公开09)，万元；粒度：合计与公务用车小计 — “三公” totals, 万元; grain: 合计 and the 公务用车 小计';
COMMENT ON COLUMN v_three_public_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_three_public_total.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_three_public_total.item IS '项目：合计 | 公务用车购置及运行维护费 — item: the total or the vehicle subtotal';
COMMENT ON COLUMN v_three_public_total.budget_wan IS '预算数（万元） — budget in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_three_public_total.actual_wan IS '决算数（万元） — actual (final accounts) in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_three_public_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_three_public_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_three_public_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_three_public_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_three_public_total.source_row IS '表内数据行号 — data row within the source table';

-- v_disclosure_stat
COMMENT ON VIEW v_disclosure_stat IS '相关信息统计 (公开10)，万元；粒度：项目 — disclosure statistics, 万元; grain: item';
COMMENT ON COLUMN v_disclosure_stat.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_disclosure_stat.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_disclosure_stat.section IS '部分（政府采购情况、机关运行经费、国有资产占用情况 …） — section of the table';
COMMENT ON COLUMN v_disclosure_stat.item IS '项目（所印） — item as printed';
COMMENT ON COLUMN v_disclosure_stat.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN v_disclosure_stat.measure IS '量度：amount（元）| count（辆、台（套）） — measure: amount (元) | count (vehicles, sets)';
COMMENT ON COLUMN v_disclosure_stat.amount_wan IS '金额（万元），measure = amount 时 — amount in 万元 (10,000 yuan), exact DECIMAL, when measure = ''amount''';
COMMENT ON COLUMN v_disclosure_stat.count_value IS '数量（辆、台（套）），measure = count 时 — count (vehicles, sets) when measure = ''count''';
COMMENT ON COLUMN v_disclosure_stat.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_disclosure_stat.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_disclosure_stat.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_disclosure_stat.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_disclosure_stat.source_row IS '表内数据行号 — data row within the source table';

-- v_project_performance
COMMENT ON VIEW v_project_performance IS '项目支出绩效自评，万元；粒度：项目 — project performance self-evaluation, 万元; grain: project';
COMMENT ON COLUMN v_project_performance.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_project_performance.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_project_performance.project_name IS '项目名称 — project name';
COMMENT ON COLUMN v_project_performance.budget_wan IS '全年预算数（万元） — full-year budget in 万元 (10,000 yuan)';
COMMENT ON COLUMN v_project_performance.executed_wan IS '全年执行数（万元） — full-year executed in 万元 (10,000 yuan)';
COMMENT ON COLUMN v_project_performance.execution_rate IS '执行率（%，按所印） — execution rate in %, as printed';
COMMENT ON COLUMN v_project_performance.score IS '总分 — total score';
COMMENT ON COLUMN v_project_performance.grade IS '评价等级：优 | 良 | 中 | 差 — grade';
COMMENT ON COLUMN v_project_performance.initial_budget_wan IS '年初预算数（万元） — initial budget in 万元 (10,000 yuan)';
COMMENT ON COLUMN v_project_performance.balance_wan IS '资金结转结余（万元） — balance carried over in 万元 (10,000 yuan)';
COMMENT ON COLUMN v_project_performance.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_project_performance.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_project_performance.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_project_performance.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_project_performance.source_row IS '表内数据行号 — data row within the source table';

-- v_performance_indicator
COMMENT ON VIEW v_performance_indicator IS '绩效指标；粒度：指标 — performance indicators; grain: indicator';
COMMENT ON COLUMN v_performance_indicator.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_performance_indicator.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_performance_indicator.project_name IS '项目名称 — project name';
COMMENT ON COLUMN v_performance_indicator.level1 IS '一级指标 — level-1 indicator';
COMMENT ON COLUMN v_performance_indicator.level2 IS '二级指标 — level-2 indicator';
COMMENT ON COLUMN v_performance_indicator.level3 IS '三级指标 — level-3 indicator';
COMMENT ON COLUMN v_performance_indicator.target_initial IS '年初指标值（原文） — initial target as printed';
COMMENT ON COLUMN v_performance_indicator.target_adjusted IS '调整后指标值（原文） — adjusted target as printed';
COMMENT ON COLUMN v_performance_indicator.actual_value IS '实际完成值（原文） — actual value as printed';
COMMENT ON COLUMN v_performance_indicator.weight IS '分值 — weight (points)';
COMMENT ON COLUMN v_performance_indicator.score IS '得分 — score';
COMMENT ON COLUMN v_performance_indicator.deviation_reason IS '偏差原因分析及改进措施 — reason for deviation';
COMMENT ON COLUMN v_performance_indicator.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_performance_indicator.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_performance_indicator.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_performance_indicator.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_performance_indicator.source_row IS '表内数据行号 — data row within the source table';

-- v_staffing
COMMENT ON VIEW v_staffing IS '人员编制；粒度：量度 — staffing; grain: measure';
COMMENT ON COLUMN v_staffing.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_staffing.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_staffing.measure IS '量度：编制数 | 年末实有人数 | 所印类别（参公编制、处级 …） — measure: authorised posts, year-end staff, or a printed category';
COMMENT ON COLUMN v_staffing.headcount IS '人数 — headcount';
COMMENT ON COLUMN v_staffing.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_staffing.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_staffing.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_staffing.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_staffing.source_row IS '表内数据行号 — data row within the source table';

-- v_narrative
COMMENT ON VIEW v_narrative IS '情况说明中的数字；粒度：所述数字 — figures stated in the narrative; grain: stated figure';
COMMENT ON COLUMN v_narrative.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_narrative.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_narrative.section IS '情况说明的章节（所印） — narrative section as printed';
COMMENT ON COLUMN v_narrative.subject IS '所述对象（所印） — subject as printed';
COMMENT ON COLUMN v_narrative.quantity IS '规范量键，如 total_income、income:财政拨款收入、economic:30201 — canonical quantity key, e.g. total_income, income:财政拨款收入';
COMMENT ON COLUMN v_narrative.measure IS '量度：amount | share_pct | yoy_change | yoy_pct | completion_pct | budget | count | prior_year（预算：上年预算执行数） — measure';
COMMENT ON COLUMN v_narrative.value_wan IS '数值（万元），仅金额 — value in 万元 (10,000 yuan), money only';
COMMENT ON COLUMN v_narrative.value IS '数值（金额为元，否则为 % 或数量） — value: 元 for money, else % or a count';
COMMENT ON COLUMN v_narrative.unit IS '单位：元、%、个 … — unit of value (元 for money)';
COMMENT ON COLUMN v_narrative.prior_year_value_wan IS '上年数（万元），仅金额 — prior-year value in 万元, money only';
COMMENT ON COLUMN v_narrative.sentence IS '所在句子（原文） — the sentence as printed';
COMMENT ON COLUMN v_narrative.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_narrative.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_narrative.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_narrative.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_narrative.source_row IS '表内数据行号 — data row within the source table';

-- v_validation
COMMENT ON VIEW v_validation IS '校验结果（所有文档，任何状态），金额为万元；粒度：校验 — validation results of every document, money in 万元; grain: check';
COMMENT ON COLUMN v_validation.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_validation.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_validation.document_status IS '文档状态（dim_document.status） — the document''s status';
COMMENT ON COLUMN v_validation.suite IS '校验套件（document_completeness、balanced_totals …） — expectation suite';
COMMENT ON COLUMN v_validation."check" IS '校验名称（summary：套件汇总） — check name (''summary'': the suite''s summary row)';
COMMENT ON COLUMN v_validation.severity IS '严重程度：error | warning — severity: error | warning';
COMMENT ON COLUMN v_validation.success IS '是否通过 — whether the check passed';
COMMENT ON COLUMN v_validation.expected IS '期望值（金额为万元） — expected value (万元 for money)';
COMMENT ON COLUMN v_validation.actual IS '实际值（金额为万元） — actual value (万元 for money)';
COMMENT ON COLUMN v_validation.difference IS '差额 = 实际 − 期望（金额为万元） — difference: actual − expected (万元 for money)';
COMMENT ON COLUMN v_validation.tolerance IS '舍入容差（金额为万元） — rounding allowance (万元 for money)';
COMMENT ON COLUMN v_validation.unit IS '单位：金额为万元，比率为 %，分、辆 … — unit: 万元 for money, % for rates, 分, 辆 …';
COMMENT ON COLUMN v_validation.location IS '位置（表、行、列的文字说明） — location, in words (table, row, column)';
COMMENT ON COLUMN v_validation.location_table IS '位置所在表：公开01 … 公开10、情况说明、绩效自评表 — table of the location';
COMMENT ON COLUMN v_validation.location_row IS '位置行：表的数据行；情况说明/绩效自评表为文本行号 — row of the location: the table''s data row; the text line for 情况说明 / 绩效自评表';
COMMENT ON COLUMN v_validation.location_column IS '位置列（规范列名） — column of the location (canonical name)';
COMMENT ON COLUMN v_validation.detail IS '详情 — detail of the finding';
COMMENT ON COLUMN v_validation.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_validation.file_name IS '文件名 — file name';
COMMENT ON COLUMN v_validation.validated_at IS '校验时间（UTC） — when validated (UTC)';
COMMENT ON COLUMN v_validation.finding IS '发现类型：extraction（读取存疑）| source（文档自身不一致） — finding: extraction (our reading in doubt) | source (the document disagrees with itself)';

-- v_documents
COMMENT ON VIEW v_documents IS '文档（所有状态）；粒度：文档版本 — documents, every status; grain: document version';
COMMENT ON COLUMN v_documents.document_sha256 IS '文档版本：其文件字节的 SHA-256（主键） — the document version: SHA-256 of its file bytes (key)';
COMMENT ON COLUMN v_documents.file_name IS '文件名（在来源文件夹中的路径） — file name (path within its source folder)';
COMMENT ON COLUMN v_documents.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_documents.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_documents.kind IS '文档种类：决算或预算 — kind of document: 决算 (final accounts) or 预算 (budget)';
COMMENT ON COLUMN v_documents.scope IS '范围：部门 | 单位 — scope: 部门 (department) | 单位 (unit)';
COMMENT ON COLUMN v_documents.amount_unit IS '文档所印金额单位：万元 | 元 — amount unit printed in the document: 万元 | 元';
COMMENT ON COLUMN v_documents.status IS '版本状态：current | superseded | held | duplicate | quarantined | failed | validated — version status; analysts'' views show only current';
COMMENT ON COLUMN v_documents.status_reason IS '状态原因（未通过的校验、暂缓版本缺少或新增什么） — why this status (failed checks; what a held version lacks or adds)';
COMMENT ON COLUMN v_documents.superseded_by IS '取代它的版本（重复版本：它所重复的版本） — the version that replaced it (for a duplicate: the version it repeats)';
COMMENT ON COLUMN v_documents.parser IS '产生事实的解析器（名称/版本） — parser (name/version) that produced the facts';
COMMENT ON COLUMN v_documents.tables_found IS '找到的标准表（公开01 … 公开10） — standard tables found (公开01 … 公开10)';
COMMENT ON COLUMN v_documents.page_count IS '页数 — number of pages';
COMMENT ON COLUMN v_documents.ingested_at IS '入库时间（UTC） — when it was loaded (UTC)';
COMMENT ON COLUMN v_documents.run_id IS 'Dagster 运行标识 — Dagster run id';
COMMENT ON COLUMN v_documents.published_at IS '发布日期：所印日期，否则 PDF 元数据，否则文件时间 — publication date: printed, else PDF metadata, else the file''s time';
COMMENT ON COLUMN v_documents.published_from IS 'published_at 的来源：printed | PDF metadata | file time — where published_at comes from';
COMMENT ON COLUMN v_documents.content_sha256 IS '事实内容的哈希：事实相同则哈希相同 — hash of its facts: same facts, same hash';
COMMENT ON COLUMN v_documents.compared_with IS '评判时对照的当前版本 — the current version it was judged against';

-- v_ingestion_log
COMMENT ON VIEW v_ingestion_log IS '入库日志，附部门与年度；粒度：文件 × 运行 — ingestion log with department and year; grain: file × run';
COMMENT ON COLUMN v_ingestion_log.logged_at IS '记录时间（UTC） — when logged (UTC)';
COMMENT ON COLUMN v_ingestion_log.run_id IS 'Dagster 运行标识 — Dagster run id';
COMMENT ON COLUMN v_ingestion_log.file_name IS '文件名（在来源文件夹中的路径） — file name (path within its source folder)';
COMMENT ON COLUMN v_ingestion_log.source IS '来源文件夹或 URL — the folder (or URL) it came from';
COMMENT ON COLUMN v_ingestion_log.status IS '结果：landed | held | quarantined | failed | skipped — outcome of the file in this run';
COMMENT ON COLUMN v_ingestion_log.reason IS '原因 — reason';
COMMENT ON COLUMN v_ingestion_log.duration_ms IS '耗时（毫秒） — duration in milliseconds';
COMMENT ON COLUMN v_ingestion_log.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_ingestion_log.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_ingestion_log.document_status IS '文档当前状态（dim_document.status） — the document''s status now';
COMMENT ON COLUMN v_ingestion_log.document_sha256 IS '文档版本（其字节的 SHA-256） — the document version (SHA-256 of its bytes)';

-- v_fact_cell
COMMENT ON VIEW v_fact_cell IS '事实单元：每个入库事实为一个单元格（任何状态的文档），供版本比较；粒度：文档 × 单元格 — every landed fact as one cell, any status, for comparing versions; grain: document × cell';
COMMENT ON COLUMN v_fact_cell.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_fact_cell.fact_table IS '来源事实表 — fact table the cell comes from';
COMMENT ON COLUMN v_fact_cell.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_fact_cell.cell_key IS '单元格键：表、行（编码或名称）、列；重复键加 " #2" — cell key: table, row (code or label), column; " #2" for a repeat';
COMMENT ON COLUMN v_fact_cell.value IS '数值（金额为元） — value (元 for money)';
COMMENT ON COLUMN v_fact_cell.text IS '文字型事实 — a fact that is words';
COMMENT ON COLUMN v_fact_cell.unit IS '单位：元、%、分、人、个 … — unit of value';
COMMENT ON COLUMN v_fact_cell.flag IS '标记：value | blank | dash | not_applicable — cell flag';
COMMENT ON COLUMN v_fact_cell.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_fact_cell.source_row IS '表内数据行号 — data row within the source table';

-- v_version_changes
COMMENT ON VIEW v_version_changes IS '版本变化：每个版本相对其评判时的当前版本新增、删除或改变的单元格，金额为万元；粒度：版本 × 单元格 — what changed between versions, money in 万元; grain: version × cell';
COMMENT ON COLUMN v_version_changes.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_version_changes.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_version_changes.kind IS '文档种类：决算 — kind of document: 决算';
COMMENT ON COLUMN v_version_changes.old_file IS '旧版本文件名 — old version''s file name';
COMMENT ON COLUMN v_version_changes.old_status IS '旧版本状态 — old version''s status';
COMMENT ON COLUMN v_version_changes.old_published_at IS '旧版本发布日期 — old version''s publication date';
COMMENT ON COLUMN v_version_changes.new_file IS '新版本文件名 — new version''s file name';
COMMENT ON COLUMN v_version_changes.new_status IS '新版本状态 — new version''s status';
COMMENT ON COLUMN v_version_changes.new_published_at IS '新版本发布日期 — new version''s publication date';
COMMENT ON COLUMN v_version_changes.change IS '变化：added | removed | changed — change';
COMMENT ON COLUMN v_version_changes.fact_table IS '来源事实表 — fact table of the cell';
COMMENT ON COLUMN v_version_changes.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_version_changes.cell_key IS '单元格键：表、行、列（见 v_fact_cell） — cell key: table, row, column (see v_fact_cell)';
COMMENT ON COLUMN v_version_changes.old_value IS '旧值（金额为万元） — old value (万元 for money)';
COMMENT ON COLUMN v_version_changes.new_value IS '新值（金额为万元） — new value (万元 for money)';
COMMENT ON COLUMN v_version_changes.unit IS '单位：金额为万元，否则为数字本身的单位 — unit: 万元 for money, else the figures'' own';
COMMENT ON COLUMN v_version_changes.old_text IS '旧文字 — old text';
COMMENT ON COLUMN v_version_changes.new_text IS '新文字 — new text';
COMMENT ON COLUMN v_version_changes.old_flag IS '旧标记 — old cell flag';
COMMENT ON COLUMN v_version_changes.new_flag IS '新标记 — new cell flag';
COMMENT ON COLUMN v_version_changes.old_page IS '旧版本页码 — page in the old version';
COMMENT ON COLUMN v_version_changes.new_page IS '新版本页码 — page in the new version';
COMMENT ON COLUMN v_version_changes.old_document IS '旧版本（SHA-256） — old version (SHA-256)';
COMMENT ON COLUMN v_version_changes.new_document IS '新版本（SHA-256） — new version (SHA-256)';

-- v_narrative_mismatch
COMMENT ON VIEW v_narrative_mismatch IS '情况说明与表不符：当前文档每个与所复述的表不符的数字，金额为万元；粒度：不符之处 — narrative figures that differ from the tables they restate, money in 万元; grain: mismatch';
COMMENT ON COLUMN v_narrative_mismatch.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_narrative_mismatch.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_narrative_mismatch.subject IS '所述对象 — subject of the figure';
COMMENT ON COLUMN v_narrative_mismatch."check" IS '校验名称 — check name';
COMMENT ON COLUMN v_narrative_mismatch.narrative_value IS '情况说明所述数（金额为万元） — figure the narrative states (万元 for money)';
COMMENT ON COLUMN v_narrative_mismatch.table_value IS '表中数（金额为万元；表中单元格为空时为 NULL） — figure in the table (万元 for money; NULL when its cell is blank)';
COMMENT ON COLUMN v_narrative_mismatch.difference IS '差额 = 情况说明 − 表（金额为万元） — difference: narrative − table (万元 for money)';
COMMENT ON COLUMN v_narrative_mismatch.unit IS '单位：金额为万元，否则为数字本身的单位 — unit: 万元 for money, else the figures'' own';
COMMENT ON COLUMN v_narrative_mismatch.beyond_rounding IS '是否超出舍入可解释范围 — more than rounding explains';
COMMENT ON COLUMN v_narrative_mismatch."table" IS '所复述的表（公开01 … 公开10） — the table it restates';
COMMENT ON COLUMN v_narrative_mismatch.page IS '所印页码 — printed page of the sentence';
COMMENT ON COLUMN v_narrative_mismatch.sentence IS '所在句子（原文） — the sentence as printed';
COMMENT ON COLUMN v_narrative_mismatch.source_line IS '句子在文本形式中的行号 — line of the sentence in the text form';
COMMENT ON COLUMN v_narrative_mismatch.detail IS '详情 — detail of the finding';
COMMENT ON COLUMN v_narrative_mismatch.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';

-- budgets (预算), budget vs actual, and the disclosure level of every analyst view
COMMENT ON COLUMN basic_expenditure_cell.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN basic_expenditure_cell.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
-- budget_actual_pair
COMMENT ON VIEW budget_actual_pair IS '内部：同年度同层级、同一部门的当前预算与决算文档配对；粒度：一对文档 — internal: current 预算 and 决算 documents of one department, year and level, paired; grain: a pair of documents';
COMMENT ON COLUMN budget_actual_pair.budget_document IS '预算文档版本 (SHA-256) — the 预算 document version (SHA-256)';
COMMENT ON COLUMN budget_actual_pair.actual_document IS '决算文档版本 (SHA-256) — the 决算 document version (SHA-256)';
COMMENT ON COLUMN budget_actual_pair.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN budget_actual_pair.budget_department IS '预算所印部门名称 — department name as the 预算 prints it';
COMMENT ON COLUMN budget_actual_pair.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN budget_actual_pair.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
-- dim_department_alias
COMMENT ON TABLE dim_department_alias IS '部门名称别名：规则无法配对的名称，取自 warehouse/department_aliases.csv — department name aliases the conforming rule cannot pair, from warehouse/department_aliases.csv';
COMMENT ON COLUMN dim_department_alias.alias IS '某文档所印名称 — a name as some document prints it';
COMMENT ON COLUMN dim_department_alias.conformed IS '其代表的统一名称 — the conformed name it stands for';
COMMENT ON COLUMN expenditure_cell.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN fact_basic_expenditure.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
COMMENT ON COLUMN income_cell.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
-- summary_line_cell
COMMENT ON VIEW summary_line_cell IS '内部：当前文档的收支总表各行（公开01/04、预算01/04），万元；粒度：文档 × 表 × 侧 × 项目 × 列 — internal: the two-sided summary lines of current documents (公开01/04, 预算01/04), 万元; grain: document × table × side × item × column';
COMMENT ON COLUMN summary_line_cell.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN summary_line_cell.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN summary_line_cell.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN summary_line_cell.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN summary_line_cell.side IS '侧：收入 | 支出 — side: 收入 (income) | 支出 (expenditure)';
COMMENT ON COLUMN summary_line_cell.item IS '项目（去掉编号） — item, numbering stripped';
COMMENT ON COLUMN summary_line_cell.item_label IS '项目（所印） — item as printed';
COMMENT ON COLUMN summary_line_cell.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN summary_line_cell.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
COMMENT ON COLUMN summary_line_cell.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN summary_line_cell.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN summary_line_cell.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN summary_line_cell.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN summary_line_cell.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN three_public_cell.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_basic_expenditure.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_basic_expenditure_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
-- v_budget_basic_expenditure
COMMENT ON VIEW v_budget_basic_expenditure IS '一般公共预算基本支出经济分类预算 (预算08) 合计列，万元；粒度：经济分类款（无款的类），直接求和即所印合计 — basic expenditure budget (预算08), its 合计 column, 万元; grain: 经济分类 款 line; a plain SUM is the printed 合计';
COMMENT ON COLUMN v_budget_basic_expenditure.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_basic_expenditure.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_basic_expenditure.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_basic_expenditure.economic_code IS '支出经济分类科目编码（类3位、款5位；合计行为 NULL） — economic classification code (类 3 digits, 款 5; NULL on 人员经费合计 / 公用经费合计)';
COMMENT ON COLUMN v_budget_basic_expenditure.economic_name IS '经济分类科目名称（合计行为所印行名） — economic subject name (the printed label on a total row)';
COMMENT ON COLUMN v_budget_basic_expenditure.cost_group IS '经费类别：人员经费 | 公用经费 — cost group: personnel (人员经费) | public (公用经费)';
COMMENT ON COLUMN v_budget_basic_expenditure.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_basic_expenditure.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_basic_expenditure.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_basic_expenditure.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_basic_expenditure.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_basic_expenditure.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_budget_basic_expenditure.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
-- v_budget_basic_expenditure_total
COMMENT ON VIEW v_budget_basic_expenditure_total IS '基本支出预算合计 (预算08)，万元；粒度：有款的类小计与合计 — basic expenditure budget totals (预算08), 万元; grain: a 类 line with 款 under it, or 合计';
COMMENT ON COLUMN v_budget_basic_expenditure_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_basic_expenditure_total.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_basic_expenditure_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_basic_expenditure_total.economic_code IS '支出经济分类科目编码（类3位、款5位；合计行为 NULL） — economic classification code (类 3 digits, 款 5; NULL on 人员经费合计 / 公用经费合计)';
COMMENT ON COLUMN v_budget_basic_expenditure_total.economic_name IS '经济分类科目名称（合计行为所印行名） — economic subject name (the printed label on a total row)';
COMMENT ON COLUMN v_budget_basic_expenditure_total.cost_group IS '经费类别：人员经费 | 公用经费 — cost group: personnel (人员经费) | public (公用经费)';
COMMENT ON COLUMN v_budget_basic_expenditure_total.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_basic_expenditure_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_basic_expenditure_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_basic_expenditure_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_basic_expenditure_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_basic_expenditure_total.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_expenditure
COMMENT ON VIEW v_budget_expenditure IS '支出预算 (预算03，全部资金)，万元；粒度：最细科目 × 支出类型（基本/项目），直接求和即所印合计 — expenditure budget, all funds (预算03), 万元; grain: leaf subject × expenditure type; a plain SUM is the printed 合计';
COMMENT ON COLUMN v_budget_expenditure.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_expenditure.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_expenditure.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_expenditure.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_budget_expenditure.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_budget_expenditure.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_budget_expenditure.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_budget_expenditure.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_budget_expenditure.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_expenditure.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_expenditure.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_expenditure.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_expenditure.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_expenditure.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_budget_expenditure.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_budget_expenditure.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';
-- v_budget_expenditure_capital
COMMENT ON VIEW v_budget_expenditure_capital IS '国有资本经营预算支出 (预算07)，万元；粒度：最细科目 × 支出类型 — state capital operation budget expenditure (预算07), 万元; grain: leaf subject × expenditure type';
COMMENT ON COLUMN v_budget_expenditure_capital.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_expenditure_capital.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_expenditure_capital.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_expenditure_capital.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_budget_expenditure_capital.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_budget_expenditure_capital.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_budget_expenditure_capital.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_budget_expenditure_capital.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_budget_expenditure_capital.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_expenditure_capital.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_expenditure_capital.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_expenditure_capital.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_expenditure_capital.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_expenditure_capital.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_budget_expenditure_capital.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_budget_expenditure_capital.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';
-- v_budget_expenditure_fund
COMMENT ON VIEW v_budget_expenditure_fund IS '政府性基金预算支出 (预算06)，万元；粒度：最细科目 × 支出类型 — government fund budget expenditure (预算06), 万元; grain: leaf subject × expenditure type';
COMMENT ON COLUMN v_budget_expenditure_fund.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_expenditure_fund.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_expenditure_fund.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_expenditure_fund.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_budget_expenditure_fund.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_budget_expenditure_fund.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_budget_expenditure_fund.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_budget_expenditure_fund.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_budget_expenditure_fund.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_expenditure_fund.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_expenditure_fund.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_expenditure_fund.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_expenditure_fund.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_expenditure_fund.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_budget_expenditure_fund.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_budget_expenditure_fund.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';
-- v_budget_expenditure_general
COMMENT ON VIEW v_budget_expenditure_general IS '一般公共预算支出 (预算05)，万元；粒度：最细科目 × 支出类型 — general public budget expenditure (预算05), 万元; grain: leaf subject × expenditure type';
COMMENT ON COLUMN v_budget_expenditure_general.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_expenditure_general.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_expenditure_general.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_expenditure_general.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_budget_expenditure_general.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_budget_expenditure_general.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_budget_expenditure_general.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_budget_expenditure_general.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_budget_expenditure_general.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_expenditure_general.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_expenditure_general.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_expenditure_general.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_expenditure_general.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_expenditure_general.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_budget_expenditure_general.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_budget_expenditure_general.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';
-- v_budget_expenditure_total
COMMENT ON VIEW v_budget_expenditure_total IS '支出预算合计 (预算03/05/06/07)，万元；粒度：所印合计、类款小计及合计列 — expenditure budget totals, 万元; grain: a printed total or subtotal cell, or the 合计 column';
COMMENT ON COLUMN v_budget_expenditure_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_expenditure_total.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_expenditure_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_expenditure_total.fund_scope IS '资金范围：全部资金（公开03）| 一般公共预算财政拨款（05）| 政府性基金预算财政拨款（07）| 国有资本经营预算财政拨款（08） — fund scope: all funds (03), general budget (05), government funds (07), state capital (08)';
COMMENT ON COLUMN v_budget_expenditure_total.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_budget_expenditure_total.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_budget_expenditure_total.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_budget_expenditure_total.expenditure_type IS '支出类型（列）：基本支出、项目支出 …；本年支出合计为行合计 — expenditure type (a column: basic, project …); 本年支出合计 is the row total';
COMMENT ON COLUMN v_budget_expenditure_total.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_expenditure_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_expenditure_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_expenditure_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_expenditure_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_expenditure_total.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_fiscal_summary
COMMENT ON VIEW v_budget_fiscal_summary IS '财政拨款收支预算总表 (预算04)，万元；粒度：侧 × 项目 × 列 — fiscal appropriation budget summary (预算04), 万元; grain: side × item × column';
COMMENT ON COLUMN v_budget_fiscal_summary.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_fiscal_summary.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_fiscal_summary.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_fiscal_summary.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_fiscal_summary.side IS '侧：收入 | 支出 — side: 收入 (income) | 支出 (expenditure)';
COMMENT ON COLUMN v_budget_fiscal_summary.item IS '项目（去掉编号） — item, numbering stripped';
COMMENT ON COLUMN v_budget_fiscal_summary.item_label IS '项目（所印） — item as printed';
COMMENT ON COLUMN v_budget_fiscal_summary.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN v_budget_fiscal_summary.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
COMMENT ON COLUMN v_budget_fiscal_summary.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_fiscal_summary.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_fiscal_summary.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_fiscal_summary.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_fiscal_summary.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_income
COMMENT ON VIEW v_budget_income IS '收入预算 (预算02)，万元；粒度：最细科目 × 收入来源，直接求和即所印合计 — income budget (预算02), 万元; grain: leaf subject × income source; a plain SUM is the printed 合计';
COMMENT ON COLUMN v_budget_income.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_income.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_income.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_income.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_budget_income.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_budget_income.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_budget_income.income_source IS '收入来源（公开02 列）：财政拨款收入、事业收入 …；本年收入合计为行合计 — income source (a 公开02 column); 本年收入合计 is the row total';
COMMENT ON COLUMN v_budget_income.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_income.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_income.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_income.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_income.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_income.source_row IS '表内数据行号 — data row within the source table';
COMMENT ON COLUMN v_budget_income.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_budget_income.section_code IS '款编码（编码前5位；类行为 NULL），用于汇总 — 款 (section) code, the first 5 digits (NULL on a 类 line), for roll-ups';
-- v_budget_income_total
COMMENT ON VIEW v_budget_income_total IS '收入预算合计 (预算02)，万元；粒度：所印合计、类款小计及合计列 — income budget totals (预算02), 万元; grain: a printed total or subtotal cell, or the 合计 column';
COMMENT ON COLUMN v_budget_income_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_income_total.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_income_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_income_total.subject_code IS '支出功能分类科目编码（类3位、款5位、项7位；合计行为 NULL） — function classification subject code (类 3 digits, 款 5, 项 7; NULL on 合计)';
COMMENT ON COLUMN v_budget_income_total.subject_name IS '科目名称（合计行为所印行名） — subject name (the printed row label on 合计)';
COMMENT ON COLUMN v_budget_income_total.subject_level IS '科目级次：类 | 款 | 项 | 合计 — subject level: 类 (class) | 款 (section) | 项 (item) | 合计 (total)';
COMMENT ON COLUMN v_budget_income_total.income_source IS '收入来源（公开02 列）：财政拨款收入、事业收入 …；本年收入合计为行合计 — income source (a 公开02 column); 本年收入合计 is the row total';
COMMENT ON COLUMN v_budget_income_total.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_income_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_income_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_income_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_income_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_income_total.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_operating_expense
COMMENT ON VIEW v_budget_operating_expense IS '机关运行经费预算 (预算09)：列于“三公”旁，不计入其合计，万元；粒度：文档一行 — office operating expense budget (预算09), printed beside the 三公, outside its 合计, 万元; grain: one row per document';
COMMENT ON COLUMN v_budget_operating_expense.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_operating_expense.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_operating_expense.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_operating_expense.item IS '项目：会议费 | 培训费 — item: meeting | training';
COMMENT ON COLUMN v_budget_operating_expense.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_operating_expense.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_operating_expense.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_operating_expense.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_operating_expense.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_operating_expense.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_summary
COMMENT ON VIEW v_budget_summary IS '财务收支预算总表 (预算01)，万元；粒度：侧 × 项目 × 列 — budget income and expenditure summary (预算01), 万元; grain: side × item × column';
COMMENT ON COLUMN v_budget_summary.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_summary.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_summary.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_summary.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_summary.side IS '侧：收入 | 支出 — side: 收入 (income) | 支出 (expenditure)';
COMMENT ON COLUMN v_budget_summary.item IS '项目（去掉编号） — item, numbering stripped';
COMMENT ON COLUMN v_budget_summary.item_label IS '项目（所印） — item as printed';
COMMENT ON COLUMN v_budget_summary.line_no IS '行次 — printed line number (行次)';
COMMENT ON COLUMN v_budget_summary.column_name IS '列：金额；公开04：合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款 — column: 金额 (amount); for 公开04 the total or a fund';
COMMENT ON COLUMN v_budget_summary.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_summary.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_summary.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_summary.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_summary.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_three_public
COMMENT ON VIEW v_budget_three_public IS '“三公”经费预算 (预算09)，万元；粒度：项目（公务用车分购置费与运行费，无合计无小计），直接求和即合计 — “三公” budget (预算09), 万元; grain: item; a plain SUM is the 合计';
COMMENT ON COLUMN v_budget_three_public.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_three_public.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_three_public.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_three_public.item IS '项目 — item';
COMMENT ON COLUMN v_budget_three_public.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_three_public.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_three_public.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_three_public.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_three_public.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_three_public.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_three_public_total
COMMENT ON VIEW v_budget_three_public_total IS '“三公”经费预算合计 (预算09)，万元；粒度：合计与公务用车小计 — “三公” budget totals (预算09), 万元; grain: 合计 and the 公务用车 小计';
COMMENT ON COLUMN v_budget_three_public_total.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_three_public_total.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_three_public_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_three_public_total.item IS '项目：合计 | 公务用车购置及运行维护费 — item: the total or the vehicle subtotal';
COMMENT ON COLUMN v_budget_three_public_total.amount_wan IS '金额（万元） — amount in 万元 (10,000 yuan), exact DECIMAL';
COMMENT ON COLUMN v_budget_three_public_total.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_three_public_total.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_three_public_total.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_three_public_total.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_three_public_total.source_row IS '表内数据行号 — data row within the source table';
-- v_budget_vs_actual
COMMENT ON VIEW v_budget_vs_actual IS '预算对决算：同一部门同年度同层级的支出预算 (预算03) 与支出决算 (公开03)；粒度：文档对 × 最细功能分类科目 — budget vs actual: 预算03 against 公开03 of one department, year and level; grain: document pair × leaf 功能分类 subject';
COMMENT ON COLUMN v_budget_vs_actual.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_vs_actual.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_vs_actual.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_vs_actual.subject_code IS '功能分类科目编码 — function subject code';
COMMENT ON COLUMN v_budget_vs_actual.subject_name IS '科目名称（该编码首次所见的名称） — subject name (the first name seen for the code)';
COMMENT ON COLUMN v_budget_vs_actual.class_code IS '类编码（编码前3位），用于汇总 — 类 (class) code, the first 3 digits, for roll-ups';
COMMENT ON COLUMN v_budget_vs_actual.budget_wan IS '支出预算（万元），预算03 该科目各支出类型之和 — expenditure budget in 万元: 预算03''s types of this subject summed';
COMMENT ON COLUMN v_budget_vs_actual.actual_wan IS '支出决算（万元），公开03 该科目各支出类型之和 — actual expenditure in 万元: 公开03''s types of this subject summed';
COMMENT ON COLUMN v_budget_vs_actual.execution_rate IS '执行率（%）= 决算 / 预算 × 100，保留两位 — execution rate in percent, actual / budget × 100, 2 decimals';
COMMENT ON COLUMN v_budget_vs_actual.budget_document IS '预算文档版本 (SHA-256) — the 预算 document version (SHA-256)';
COMMENT ON COLUMN v_budget_vs_actual.actual_document IS '决算文档版本 (SHA-256) — the 决算 document version (SHA-256)';
-- v_budget_vs_actual_printed
COMMENT ON VIEW v_budget_vs_actual_printed IS '决算自身所印的预算数及其决算数：公开09“三公”各项的预算数、绩效自评表各项目的年初预算数与全年执行数、情况说明的年初预算（全年预算）与支出决算；粒度：文档 × 来源 × 项目（“三公经费”“绩效自评表”内可直接求和；“情况说明”各句的总数与其分项并列，不可相加） — the budget figures a 决算 prints itself beside its actuals: each 公开09 三公 item''s 预算数, each 绩效自评表 project''s 年初预算数 and 全年执行数, each 情况说明 sentence''s 年初预算 (全年预算) and 支出决算; grain: document × source × item (a plain SUM is meaningful within 三公经费 and 绩效自评表; 情况说明 lists a total beside its parts, do not add them)';
COMMENT ON COLUMN v_budget_vs_actual_printed.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_vs_actual_printed.fiscal_year IS '决算年度 — fiscal year of the accounts';
COMMENT ON COLUMN v_budget_vs_actual_printed.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_vs_actual_printed.source IS '预算数的出处：三公经费（公开09）、绩效自评表、情况说明 — where the budget figure is printed: 三公经费 (公开09), 绩效自评表 (project self-evaluations), 情况说明 (narrative)';
COMMENT ON COLUMN v_budget_vs_actual_printed.item IS '项目：三公项目、绩效项目名称或情况说明所述的支出 — item: the 三公 item, the project name, or the expenditure the sentence names';
COMMENT ON COLUMN v_budget_vs_actual_printed.budget_wan IS '所印预算数（万元）：三公预算数、项目年初预算数、情况说明年初预算 — printed budget in 万元: 三公 预算数, project 年初预算数, narrative 年初预算';
COMMENT ON COLUMN v_budget_vs_actual_printed.actual_wan IS '所印决算数（万元）：三公决算数、项目全年执行数、情况说明支出决算 — printed actual in 万元: 三公 决算数, project 全年执行数, narrative 支出决算';
COMMENT ON COLUMN v_budget_vs_actual_printed.execution_rate IS '执行率（%）= 决算 / 预算 × 100，保留两位 — execution rate in percent, actual / budget × 100, 2 decimals';
COMMENT ON COLUMN v_budget_vs_actual_printed.printed_rate IS '情况说明所印的完成预算百分比（其他来源为空） — the completion rate the narrative prints, in percent (NULL for the other sources)';
COMMENT ON COLUMN v_budget_vs_actual_printed.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_budget_vs_actual_printed.source_table IS '来源表：公开01 … 公开10、绩效自评表、概况、情况说明 — source table (公开01 … 公开10, 绩效自评表 performance self-evaluation, 概况 overview, 情况说明 narrative)';
COMMENT ON COLUMN v_budget_vs_actual_printed.page IS '所印页码（文本：按目录，表内每次分页加一；PDF：物理页，从1起） — printed page (text: from the 目录, plus one per page break in a table; PDF: physical page, 1-based)';
COMMENT ON COLUMN v_budget_vs_actual_printed.source_line IS '文本形式中的行号（PDF：读出的文本行） — line in the document''s text form (PDF: in the text lines read from it)';
COMMENT ON COLUMN v_budget_vs_actual_printed.source_row IS '表内数据行号 — data row within the source table';

-- v_budget_vs_actual_unmatched
COMMENT ON VIEW v_budget_vs_actual_unmatched IS '无法配对的当前文档：没有同一部门同年度同层级另一类文档的预算或决算；粒度：文档 — current documents with no partner of the other kind (same department, year and level); grain: document';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.department IS '部门（单位）名称，按所印 — department (unit) name as printed';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.fiscal_year IS '预算年度 — fiscal year of the budget';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.kind IS '文档类型：决算或预算 — document kind: 决算 (final accounts) or 预算 (budget)';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.file_name IS '文件名（在来源文件夹中的路径） — file name (path within its source folder)';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.conformed_department IS '用于配对的部门名称（别名或“与”读作“和”） — the department name used for pairing (alias, or 与 read as 和)';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.reason IS '未配对原因 — why it is unmatched';
COMMENT ON COLUMN v_budget_vs_actual_unmatched.document_sha256 IS '文档版本：其文件字节的 SHA-256 — the document version: SHA-256 of its file bytes';
COMMENT ON COLUMN v_current_document.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_disclosure_stat.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_documents.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_expenditure.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_expenditure_capital.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_expenditure_fund.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_expenditure_general.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_expenditure_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_fiscal_summary.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_income.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_income_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_meeting_training.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_narrative.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_narrative.kind IS '文档种类：决算（情况说明）或预算（编制说明） — kind of document: 决算 (its 情况说明) or 预算 (its 编制说明)';
COMMENT ON COLUMN v_narrative_mismatch.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_performance_indicator.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_project_performance.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_staffing.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_summary.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_three_public.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_three_public_total.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';
COMMENT ON COLUMN v_validation.disclosure_level IS '公开层级：部门（主管部门及所属单位）或单位（一个单位） — disclosure level: 部门 (a department with its units) or 单位 (one unit)';


