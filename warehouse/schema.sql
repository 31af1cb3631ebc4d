-- juesuan star schema (DuckDB). Amounts are DECIMAL(20,2) in 元 (yuan); views show 万元.
-- Every fact row carries its document (document_sha256), source table, printed page,
-- line in the text form and row within the table. Documents are never deleted: a
-- superseded or quarantined version keeps its rows, and the analysts' views show only
-- documents whose status is 'current'. Statements are idempotent (IF NOT EXISTS).

CREATE SEQUENCE IF NOT EXISTS seq_department START 1;

CREATE TABLE IF NOT EXISTS warehouse_meta (            -- one row: this warehouse file's identity
    warehouse_id        VARCHAR NOT NULL,          -- new for every new (or rebuilt) file
    created_at          TIMESTAMP NOT NULL
);
-- the views.sql + comments.sql the views were last made from (connection.refresh_views)
ALTER TABLE warehouse_meta ADD COLUMN IF NOT EXISTS views_sha256 VARCHAR;

CREATE TABLE IF NOT EXISTS dim_department (
    department_key      INTEGER PRIMARY KEY DEFAULT nextval('seq_department'),
    department_name     VARCHAR NOT NULL UNIQUE,
    department_code     VARCHAR,
    supervising_name    VARCHAR,
    supervising_code    VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_document (
    document_sha256     VARCHAR PRIMARY KEY,
    file_name           VARCHAR NOT NULL,
    source_format       VARCHAR NOT NULL,          -- text | pdf
    size_bytes          BIGINT NOT NULL,
    parser              VARCHAR NOT NULL,          -- parser name/version that produced the facts
    department_key      INTEGER,                   -- NULL when the document could not be parsed
    fiscal_year         INTEGER,
    kind                VARCHAR,                   -- 决算
    scope               VARCHAR,                   -- 部门 | 单位
    amount_unit         VARCHAR,                   -- unit printed in the document: 万元 | 元
    page_count          INTEGER,
    tables_found        VARCHAR[],
    status              VARCHAR NOT NULL,          -- current | superseded | held | duplicate | quarantined | failed | validated
    status_reason       VARCHAR,
    superseded_by       VARCHAR,
    ingested_at         TIMESTAMP NOT NULL,
    run_id              VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_document_table (     -- which standard tables a document has, and how read
    document_sha256     VARCHAR NOT NULL,
    table_id            VARCHAR NOT NULL,          -- 公开01 … 公开10
    title               VARCHAR NOT NULL,          -- as printed
    label               VARCHAR,                   -- printed number: 公开01表, 表1, 附表1, or NULL
    amount_unit         VARCHAR NOT NULL,          -- printed unit of this table: 万元 | 元
    layout              VARCHAR NOT NULL,          -- template layout that read it
    pages               INTEGER[],
    is_empty            BOOLEAN NOT NULL,          -- marked 本表无数据: present, with no data
    row_count           INTEGER NOT NULL,
    title_line          INTEGER,
    extraction_flavor   VARCHAR,                   -- PDF only: camelot flavor(s) used
    extraction_accuracy DECIMAL(7,2),              -- PDF only: camelot parsing report
    extraction_whitespace DECIMAL(7,2),
    PRIMARY KEY (document_sha256, table_id)
);

CREATE TABLE IF NOT EXISTS dim_function_subject (     -- 支出功能分类科目, conformed by code
    subject_code        VARCHAR PRIMARY KEY,
    subject_name        VARCHAR NOT NULL,
    subject_level       VARCHAR NOT NULL,          -- 类 | 款 | 项
    level_no            INTEGER NOT NULL,          -- 1 | 2 | 3
    parent_code         VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_economic_subject (     -- 部门预算支出经济分类科目
    economic_code       VARCHAR PRIMARY KEY,
    economic_name       VARCHAR NOT NULL,
    economic_level      VARCHAR NOT NULL,          -- 类 | 款
    parent_code         VARCHAR,
    cost_group          VARCHAR NOT NULL           -- 人员经费 | 公用经费
);

CREATE TABLE IF NOT EXISTS dim_income_source (
    income_source       VARCHAR PRIMARY KEY,       -- 财政拨款收入, 事业收入, … ; 本年收入合计 is the row total
    sort_order          INTEGER NOT NULL,
    is_total            BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_three_public_item (     -- 公开09's items, from its template
    item                VARCHAR PRIMARY KEY,
    sort_order          INTEGER NOT NULL,
    parent_item         VARCHAR,                   -- the 小计 an item is part of (公务用车购置及运行维护费)
    is_total            BOOLEAN NOT NULL,          -- 合计
    in_total            BOOLEAN NOT NULL           -- covered by 合计 (会议费 and 培训费, printed beside, are not)
);

CREATE TABLE IF NOT EXISTS dim_expenditure_type (
    expenditure_type    VARCHAR PRIMARY KEY,       -- 基本支出, 项目支出, … ; 本年支出合计 is the row total
    sort_order          INTEGER NOT NULL,
    is_total            BOOLEAN NOT NULL,
    is_expenditure      BOOLEAN NOT NULL           -- false for 公开07's 年初结转和结余 / 本年收入 / 年末结转和结余
);

-- Columns every fact table shares (provenance and the printed cell):
--   document_sha256, source_table, page, source_line, source_row, cell_text, cell_flag
--   cell_flag: value (a number, 0 included) | blank (none reported) | dash ("-", nil)
--              | not_applicable ("——"); amount is NULL unless cell_flag = 'value'.

CREATE TABLE IF NOT EXISTS fact_income (               -- 公开02 收入决算表
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    subject_code VARCHAR, row_label VARCHAR NOT NULL, income_source VARCHAR NOT NULL,
    amount_yuan DECIMAL(20,2), cell_text VARCHAR, cell_flag VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_expenditure (          -- 公开03/05/07/08 by fund scope
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    fund_scope VARCHAR NOT NULL, subject_code VARCHAR, row_label VARCHAR NOT NULL,
    expenditure_type VARCHAR NOT NULL,
    amount_yuan DECIMAL(20,2), cell_text VARCHAR, cell_flag VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_summary_line (         -- 公开01 and 公开04, both sides
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    side VARCHAR NOT NULL, item VARCHAR NOT NULL, item_label VARCHAR NOT NULL, line_no INTEGER,
    column_name VARCHAR NOT NULL,
    amount_yuan DECIMAL(20,2), cell_text VARCHAR, cell_flag VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_basic_expenditure (    -- 公开06 / 预算08 by 经济分类 subject
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    economic_code VARCHAR, row_label VARCHAR NOT NULL, cost_group VARCHAR NOT NULL,
    amount_yuan DECIMAL(20,2), cell_text VARCHAR, cell_flag VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);
-- 公开06 prints one 决算数 per line, 预算08 合计 | 人员经费 | 公用经费 (added after the first release)
ALTER TABLE fact_basic_expenditure ADD COLUMN IF NOT EXISTS column_name VARCHAR;

CREATE TABLE IF NOT EXISTS fact_three_public (         -- 公开09 “三公”经费, 预算数 vs 决算数
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    item VARCHAR NOT NULL,
    budget_yuan DECIMAL(20,2), budget_text VARCHAR, budget_flag VARCHAR,
    actual_yuan DECIMAL(20,2), actual_text VARCHAR, actual_flag VARCHAR,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_disclosure_stat (      -- 公开10 部门决算公开相关信息统计表
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    section VARCHAR NOT NULL, item VARCHAR NOT NULL, line_no INTEGER,
    measure VARCHAR NOT NULL,                  -- amount (元) | count (辆, 台（套）)
    amount_yuan DECIMAL(20,2), count_value DECIMAL(12,0), cell_text VARCHAR, cell_flag VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_project_performance (  -- 项目支出绩效自评表, one row per project
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    project_name VARCHAR NOT NULL, supervising_department VARCHAR, budget_unit VARCHAR,
    initial_budget_yuan DECIMAL(20,2), annual_budget_yuan DECIMAL(20,2), executed_yuan DECIMAL(20,2),
    balance_yuan DECIMAL(20,2), execution_rate DECIMAL(9,4), budget_score DECIMAL(9,4),
    total_score DECIMAL(9,4), grade VARCHAR,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_performance_indicator (  -- 绩效自评表 indicator rows
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    project_name VARCHAR NOT NULL, level1 VARCHAR, level2 VARCHAR, level3 VARCHAR,
    target_initial VARCHAR, target_adjusted VARCHAR, actual_value VARCHAR,
    weight DECIMAL(9,4), score DECIMAL(9,4), deviation_reason VARCHAR,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_staffing (             -- 第一部分 概况: headcounts
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    measure VARCHAR NOT NULL,                  -- 编制数 | 年末实有人数 | a category such as 处级
    headcount INTEGER NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_internal_department (  -- 第一部分 概况: 内设机构
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    seq INTEGER NOT NULL, internal_department VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_narrative (            -- 第三部分 情况说明: stated figures
    document_sha256 VARCHAR NOT NULL, department_key INTEGER NOT NULL, fiscal_year INTEGER NOT NULL,
    section VARCHAR NOT NULL, subject VARCHAR NOT NULL, quantity VARCHAR,
    measure VARCHAR NOT NULL,                  -- amount | share_pct | yoy_change | yoy_pct | completion_pct | budget | count
    value DECIMAL(20,4) NOT NULL, unit VARCHAR NOT NULL, prior_year_value DECIMAL(20,4),
    sentence VARCHAR,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_validation (           -- Great Expectations results per document
    document_sha256 VARCHAR NOT NULL,
    suite VARCHAR NOT NULL, check_name VARCHAR NOT NULL, severity VARCHAR NOT NULL,  -- error | warning
    success BOOLEAN NOT NULL,
    expected DECIMAL(20,4), actual DECIMAL(20,4), difference DECIMAL(20,4),
    unit VARCHAR,                              -- 元 for money, else the figures' own unit
    location VARCHAR, detail VARCHAR,
    validated_at TIMESTAMP NOT NULL
);
-- Added with the full validation suites; ALTER so that an existing warehouse file gains them.
ALTER TABLE fact_income ADD COLUMN IF NOT EXISTS printed_code VARCHAR;       -- as printed, when not a subject code
ALTER TABLE fact_expenditure ADD COLUMN IF NOT EXISTS printed_code VARCHAR;  -- (subject_code: read by its name)
ALTER TABLE dim_document_table ADD COLUMN IF NOT EXISTS problem VARCHAR;  -- unreadable: why (its rows not landed)
ALTER TABLE fact_validation ADD COLUMN IF NOT EXISTS tolerance DECIMAL(20,4);  -- rounding allowance, in unit
ALTER TABLE fact_validation ADD COLUMN IF NOT EXISTS location_table VARCHAR;   -- 公开01 … 公开10, 情况说明, 绩效自评表
ALTER TABLE fact_validation ADD COLUMN IF NOT EXISTS location_row INTEGER;     -- table data row; line for 情况说明/绩效自评表
ALTER TABLE fact_validation ADD COLUMN IF NOT EXISTS location_column VARCHAR;  -- canonical column
ALTER TABLE fact_validation ADD COLUMN IF NOT EXISTS finding VARCHAR;  -- extraction (reading in doubt) | source (the document's own)
-- Publication (pipelines/warehouse/publication.py): versions are ordered by publication date,
-- ties by content; a version that would make what analysts see worse is 'held'.
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS published_at TIMESTAMP;   -- printed date, else PDF metadata, else file time
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS published_from VARCHAR;   -- printed | PDF metadata | file time
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS content_sha256 VARCHAR;   -- hash of its facts: same facts, same hash
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS compared_with VARCHAR;    -- the current version it was judged against

CREATE TABLE IF NOT EXISTS publication_decision (      -- a person published a held version on purpose
    document_sha256     VARCHAR PRIMARY KEY,
    decided_at          TIMESTAMP NOT NULL,
    decided_by          VARCHAR,
    note                VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ingestion_log (             -- what happened to each file, run by run
    logged_at           TIMESTAMP NOT NULL,
    run_id              VARCHAR,
    file_name           VARCHAR NOT NULL,          -- path within its source folder
    source              VARCHAR,                   -- the folder (or URL) it came from
    document_sha256     VARCHAR,
    status              VARCHAR NOT NULL,          -- landed | held | quarantined | failed | skipped
    reason              VARCHAR,
    duration_ms         BIGINT
);

-- Department names that the conforming rule (views.sql: conformed_department) cannot pair, as
-- data: loaded from warehouse/department_aliases.csv on every writable connection.
CREATE TABLE IF NOT EXISTS dim_department_alias (
    alias VARCHAR PRIMARY KEY,     -- a name as some document prints it
    conformed VARCHAR NOT NULL     -- the conformed name it stands for
);

-- Whether a line is a leaf of its table's 类/款/项 tree (the analyst views' grain), fixed when
-- its document lands (pipelines/warehouse/facts.py: mark_leaves); rows landed before the column
-- existed get it here, once, by the same rule.
ALTER TABLE fact_income ADD COLUMN IF NOT EXISTS is_leaf BOOLEAN;
ALTER TABLE fact_expenditure ADD COLUMN IF NOT EXISTS is_leaf BOOLEAN;
ALTER TABLE fact_basic_expenditure ADD COLUMN IF NOT EXISTS is_leaf BOOLEAN;
UPDATE fact_income f SET is_leaf = f.subject_code IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM fact_income c WHERE c.document_sha256 = f.document_sha256 AND c.source_table = f.source_table
       AND length(c.subject_code) > length(f.subject_code) AND starts_with(c.subject_code, f.subject_code))
WHERE f.is_leaf IS NULL;
UPDATE fact_expenditure f SET is_leaf = f.subject_code IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM fact_expenditure c WHERE c.document_sha256 = f.document_sha256 AND c.source_table = f.source_table
       AND length(c.subject_code) > length(f.subject_code) AND starts_with(c.subject_code, f.subject_code))
WHERE f.is_leaf IS NULL;
UPDATE fact_basic_expenditure f SET is_leaf = f.economic_code IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM fact_basic_expenditure c WHERE c.document_sha256 = f.document_sha256
       AND c.source_table = f.source_table
       AND length(c.economic_code) > length(f.economic_code) AND starts_with(c.economic_code, f.economic_code))
WHERE f.is_leaf IS NULL;
