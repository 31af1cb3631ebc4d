-- Analysts' views: stable names and columns, amounts in 万元 (exact DECIMAL), only documents
-- whose status is 'current' (the latest valid version of each department-year), and only
-- cells that hold a number (blank / "-" / "——" cells stay in the fact tables with their flag).
-- Multiplying by 0.0001 keeps DECIMAL (a division would give DOUBLE).

CREATE OR REPLACE VIEW v_current_document AS
SELECT d.*, dep.department_name AS department, d.scope AS disclosure_level
FROM dim_document d JOIN dim_department dep USING (department_key)
WHERE d.status = 'current';

-- One grain per analyst view: its rows are the most detailed lines the document prints (the
-- leaves of its 类/款/项 tree, each with its 类 and 款 codes for roll-ups) in the columns that are
-- not row totals, so a plain SUM of amount_wan is the printed total of the table. The printed
-- totals and subtotals (合计, a 类 or 款 line with lines under it, the 本年收入合计 / 本年支出合计
-- columns, 三公's 公务用车 小计) are in the *_total views. The per-cell rows of every grain stay in
-- the fact tables. (A leaf: a coded line that no longer-coded line of the same table extends;
-- each fact row's is_leaf says it, decided when its document lands.)

CREATE OR REPLACE VIEW income_cell AS   -- internal: every 公开02 / 预算02 value cell of a current document, its place in the tree
SELECT cd.department, cd.disclosure_level, f.*, i.is_total AS is_total_column
FROM fact_income f
JOIN v_current_document cd USING (document_sha256)
JOIN dim_income_source i USING (income_source)
WHERE f.cell_flag = 'value';

CREATE OR REPLACE MACRO income_rows(tables, leaves) AS TABLE   -- of these tables: the leaves or the printed totals
SELECT f.department, f.fiscal_year, f.disclosure_level, f.subject_code,
       COALESCE(s.subject_name, f.row_label) AS subject_name,
       COALESCE(s.subject_level, '合计') AS subject_level,
       f.income_source, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row,
       left(f.subject_code, 3) AS class_code, CASE WHEN length(f.subject_code) >= 5 THEN left(f.subject_code, 5) END AS section_code
FROM income_cell f
LEFT JOIN dim_function_subject s USING (subject_code)
WHERE (f.is_leaf AND NOT f.is_total_column) = leaves AND list_contains(tables, f.source_table);

CREATE OR REPLACE VIEW v_income AS
SELECT * FROM income_rows(['公开02'], true);

CREATE OR REPLACE VIEW v_income_total AS   -- 公开02's printed 合计, 类/款 subtotals and 本年收入合计 column
SELECT * EXCLUDE (class_code, section_code) FROM income_rows(['公开02'], false);

CREATE OR REPLACE VIEW v_budget_income AS          -- 预算02 收入预算总表
SELECT * FROM income_rows(['预算02'], true);

CREATE OR REPLACE VIEW v_budget_income_total AS    -- 预算02's printed 合计, 类/款 subtotals and 合计 column
SELECT * EXCLUDE (class_code, section_code) FROM income_rows(['预算02'], false);

CREATE OR REPLACE VIEW expenditure_cell AS   -- internal: every expenditure value cell (公开03/05/07/08) of a current document
SELECT cd.department, cd.disclosure_level, f.*, t.is_total AS is_total_column
FROM fact_expenditure f
JOIN v_current_document cd USING (document_sha256)
JOIN dim_expenditure_type t USING (expenditure_type)
WHERE f.cell_flag = 'value' AND t.is_expenditure;

CREATE OR REPLACE MACRO expenditure_rows(tables, leaves) AS TABLE   -- of these tables: leaves or printed totals
SELECT f.department, f.fiscal_year, f.disclosure_level, f.fund_scope, f.subject_code,
       COALESCE(s.subject_name, f.row_label) AS subject_name,
       COALESCE(s.subject_level, '合计') AS subject_level,
       f.expenditure_type, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row,
       left(f.subject_code, 3) AS class_code, CASE WHEN length(f.subject_code) >= 5 THEN left(f.subject_code, 5) END AS section_code
FROM expenditure_cell f
LEFT JOIN dim_function_subject s USING (subject_code)
WHERE (f.is_leaf AND NOT f.is_total_column) = leaves AND list_contains(tables, f.source_table);

CREATE OR REPLACE VIEW v_expenditure AS           -- 公开03 支出决算表: all funds
SELECT * FROM expenditure_rows(['公开03'], true);
CREATE OR REPLACE VIEW v_expenditure_general AS   -- 公开05 一般公共预算财政拨款支出决算表
SELECT * FROM expenditure_rows(['公开05'], true);
CREATE OR REPLACE VIEW v_expenditure_fund AS      -- 公开07 政府性基金预算财政拨款收入支出决算表
SELECT * FROM expenditure_rows(['公开07'], true);
CREATE OR REPLACE VIEW v_expenditure_capital AS   -- 公开08 国有资本经营预算财政拨款支出决算表
SELECT * FROM expenditure_rows(['公开08'], true);

CREATE OR REPLACE VIEW v_expenditure_total AS     -- printed 合计, 类/款 subtotals and 本年支出合计 columns, every fund scope
SELECT * EXCLUDE (class_code, section_code) FROM expenditure_rows(['公开03', '公开05', '公开07', '公开08'], false);

CREATE OR REPLACE VIEW v_budget_expenditure AS           -- 预算03 支出预算总表: all funds
SELECT * FROM expenditure_rows(['预算03'], true);
CREATE OR REPLACE VIEW v_budget_expenditure_general AS   -- 预算05 一般公共预算支出功能分类预算表
SELECT * FROM expenditure_rows(['预算05'], true);
CREATE OR REPLACE VIEW v_budget_expenditure_fund AS      -- 预算06 政府性基金预算支出功能分类预算表
SELECT * FROM expenditure_rows(['预算06'], true);
CREATE OR REPLACE VIEW v_budget_expenditure_capital AS   -- 预算07 国有资本经营预算支出功能分类预算表
SELECT * FROM expenditure_rows(['预算07'], true);

CREATE OR REPLACE VIEW v_budget_expenditure_total AS     -- printed 合计, 类/款 subtotals and 合计 columns, every fund scope
SELECT * EXCLUDE (class_code, section_code) FROM expenditure_rows(['预算03', '预算05', '预算06', '预算07'], false);

CREATE OR REPLACE VIEW summary_line_cell AS          -- internal: the two-sided summary lines of current documents
SELECT cd.department, f.fiscal_year, cd.disclosure_level, f.source_table, f.side, f.item, f.item_label, f.line_no,
       f.column_name, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.page, f.source_line, f.source_row
FROM fact_summary_line f
JOIN v_current_document cd USING (document_sha256)
WHERE f.cell_flag = 'value';

CREATE OR REPLACE VIEW v_summary AS               -- 公开01 收入支出决算总表
SELECT * FROM summary_line_cell WHERE source_table = '公开01';

CREATE OR REPLACE VIEW v_fiscal_summary AS        -- 公开04 财政拨款收入支出决算总表
SELECT * FROM summary_line_cell WHERE source_table = '公开04';

CREATE OR REPLACE VIEW v_budget_summary AS        -- 预算01 财务收支预算总表
SELECT * FROM summary_line_cell WHERE source_table = '预算01';

CREATE OR REPLACE VIEW v_budget_fiscal_summary AS -- 预算04 财政拨款收支预算总表
SELECT * FROM summary_line_cell WHERE source_table = '预算04';

CREATE OR REPLACE VIEW basic_expenditure_cell AS   -- internal: 公开06's and 预算08's 合计 value cells of current documents
SELECT cd.department, cd.disclosure_level, f.*
FROM fact_basic_expenditure f
JOIN v_current_document cd USING (document_sha256)
WHERE f.cell_flag = 'value' AND COALESCE(f.column_name, '决算数') IN ('决算数', '合计');

CREATE OR REPLACE MACRO basic_expenditure_rows(tables, leaves) AS TABLE   -- of these tables: the 款 lines or the printed totals
SELECT f.department, f.fiscal_year, f.disclosure_level, f.economic_code,
       COALESCE(e.economic_name, f.row_label) AS economic_name,
       f.cost_group, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row,
       left(f.economic_code, 3) AS class_code
FROM basic_expenditure_cell f
LEFT JOIN dim_economic_subject e USING (economic_code)
WHERE f.is_leaf = leaves AND list_contains(tables, f.source_table);

CREATE OR REPLACE VIEW v_basic_expenditure AS     -- 公开06: 经济分类 款 lines (a 类 printed without 款)
SELECT * FROM basic_expenditure_rows(['公开06'], true);

CREATE OR REPLACE VIEW v_basic_expenditure_total AS   -- 公开06: 类 lines with 款 under them, 人员经费合计, 公用经费合计
SELECT * EXCLUDE (class_code) FROM basic_expenditure_rows(['公开06'], false);

CREATE OR REPLACE VIEW v_budget_basic_expenditure AS  -- 预算08: 经济分类 款 lines, their 合计 column
SELECT * FROM basic_expenditure_rows(['预算08'], true);

CREATE OR REPLACE VIEW v_budget_basic_expenditure_total AS   -- 预算08: 类 lines with 款 under them, and 合计
SELECT * EXCLUDE (class_code) FROM basic_expenditure_rows(['预算08'], false);

CREATE OR REPLACE VIEW three_public_cell AS   -- internal: 公开09 rows of current documents, their place among the items
SELECT cd.department, cd.disclosure_level, f.*, i.is_total, i.in_total,
       EXISTS (SELECT 1 FROM fact_three_public c JOIN dim_three_public_item ci USING (item)
               WHERE c.document_sha256 = f.document_sha256 AND ci.parent_item = f.item) AS has_items
FROM fact_three_public f
JOIN v_current_document cd USING (document_sha256)
JOIN dim_three_public_item i USING (item);

CREATE OR REPLACE MACRO three_public_rows(tables, shown) AS TABLE   -- of these tables: rows by which view shows them
SELECT f.department, f.fiscal_year, f.disclosure_level, f.item,
       f.budget_yuan * 0.0001 AS budget_wan, f.actual_yuan * 0.0001 AS actual_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM three_public_cell f
WHERE CASE WHEN NOT f.in_total THEN 'outside'
           WHEN f.is_total OR f.has_items THEN 'total' ELSE 'item' END = shown
  AND list_contains(tables, f.source_table);

CREATE OR REPLACE VIEW v_three_public AS          -- 公开09: the 三公 items (公务用车 by 购置费 and 运行维护费)
SELECT * FROM three_public_rows(['公开09'], 'item');

CREATE OR REPLACE VIEW v_three_public_total AS    -- 公开09: 合计 and the 公务用车 小计
SELECT * FROM three_public_rows(['公开09'], 'total');

CREATE OR REPLACE VIEW v_meeting_training AS      -- 公开09: 会议费 and 培训费, printed beside the 三公, outside its 合计
SELECT * FROM three_public_rows(['公开09'], 'outside');

CREATE OR REPLACE VIEW v_budget_three_public AS   -- 预算09: the 三公 items' 预算数 (公务用车 by 购置费 and 运行费)
SELECT department, fiscal_year, disclosure_level, item, budget_wan AS amount_wan,
       document_sha256, source_table, page, source_line, source_row
FROM three_public_rows(['预算09'], 'item');

CREATE OR REPLACE VIEW v_budget_three_public_total AS   -- 预算09: 合计 and the 公务用车 小计
SELECT department, fiscal_year, disclosure_level, item, budget_wan AS amount_wan,
       document_sha256, source_table, page, source_line, source_row
FROM three_public_rows(['预算09'], 'total');

CREATE OR REPLACE VIEW v_budget_operating_expense AS   -- 预算09: 机关运行经费, printed beside the 三公, outside its 合计
SELECT department, fiscal_year, disclosure_level, item, budget_wan AS amount_wan,
       document_sha256, source_table, page, source_line, source_row
FROM three_public_rows(['预算09'], 'outside');

CREATE OR REPLACE VIEW v_disclosure_stat AS
SELECT cd.department, f.fiscal_year, cd.disclosure_level, f.section, f.item, f.line_no, f.measure,
       f.amount_yuan * 0.0001 AS amount_wan, f.count_value,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_disclosure_stat f
JOIN v_current_document cd USING (document_sha256)
WHERE f.cell_flag = 'value';

CREATE OR REPLACE VIEW v_project_performance AS
SELECT cd.department, f.fiscal_year, cd.disclosure_level, f.project_name,
       f.annual_budget_yuan * 0.0001 AS budget_wan, f.executed_yuan * 0.0001 AS executed_wan,
       f.execution_rate, f.total_score AS score, f.grade,
       f.initial_budget_yuan * 0.0001 AS initial_budget_wan, f.balance_yuan * 0.0001 AS balance_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_project_performance f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_performance_indicator AS
SELECT cd.department, f.fiscal_year, cd.disclosure_level, f.project_name, f.level1, f.level2, f.level3,
       f.target_initial, f.target_adjusted, f.actual_value, f.weight, f.score, f.deviation_reason,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_performance_indicator f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_staffing AS
SELECT cd.department, f.fiscal_year, cd.disclosure_level, f.measure, f.headcount,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_staffing f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_narrative AS
SELECT cd.department, f.fiscal_year, cd.disclosure_level, cd.kind, f.section, f.subject, f.quantity, f.measure,
       CASE WHEN f.unit = '元' THEN f.value * 0.0001 END AS value_wan,
       f.value, f.unit,
       CASE WHEN f.unit = '元' THEN f.prior_year_value * 0.0001 END AS prior_year_value_wan,
       f.sentence, f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_narrative f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_validation AS
SELECT dep.department_name AS department, d.fiscal_year, d.scope AS disclosure_level, d.status AS document_status,
       v.suite, v.check_name AS "check", v.severity, v.success,
       CASE WHEN v.unit = '元' THEN v.expected * 0.0001 ELSE v.expected END AS expected,
       CASE WHEN v.unit = '元' THEN v.actual * 0.0001 ELSE v.actual END AS actual,
       CASE WHEN v.unit = '元' THEN v.difference * 0.0001 ELSE v.difference END AS difference,
       CASE WHEN v.unit = '元' THEN v.tolerance * 0.0001 ELSE v.tolerance END AS tolerance,
       CASE WHEN v.unit = '元' THEN '万元' ELSE v.unit END AS unit,
       v.location, v.location_table, v.location_row, v.location_column, v.detail,
       v.document_sha256, d.file_name, v.validated_at, v.finding
FROM fact_validation v
JOIN dim_document d USING (document_sha256)
LEFT JOIN dim_department dep USING (department_key);

CREATE OR REPLACE VIEW v_documents AS
SELECT d.document_sha256, d.file_name, dep.department_name AS department, d.fiscal_year, d.kind,
       d.scope, d.scope AS disclosure_level, d.amount_unit, d.status, d.status_reason, d.superseded_by, d.parser,
       d.tables_found, d.page_count, d.ingested_at, d.run_id,
       d.published_at, d.published_from, d.content_sha256, d.compared_with
FROM dim_document d LEFT JOIN dim_department dep USING (department_key);

CREATE OR REPLACE VIEW v_ingestion_log AS
SELECT l.logged_at, l.run_id, l.file_name, l.source, l.status, l.reason, l.duration_ms,
       dep.department_name AS department, d.fiscal_year, d.status AS document_status,
       l.document_sha256
FROM ingestion_log l
LEFT JOIN dim_document d USING (document_sha256)
LEFT JOIN dim_department dep USING (department_key);

-- Every landed fact as one cell, named without its provenance (cell_key: the printed table,
-- its row by subject code or label, its column; " #2" for a key printed twice), so versions of a
-- department-year can be compared cell by cell. value: a number (money in 元; unit says);
-- text: a fact that is words; flag: value | blank | dash | not_applicable. Any document's rows,
-- whatever its status: the pipeline's comparisons read it; analysts read v_version_changes.
CREATE OR REPLACE VIEW v_fact_cell AS
WITH cells AS (
    SELECT document_sha256, 'fact_income' AS fact_table, source_table,
           concat_ws(' | ', COALESCE(subject_code, row_label), income_source) AS cell,
           amount_yuan::DECIMAL(20,4) AS value, NULL::VARCHAR AS text, '元' AS unit, cell_flag AS flag,
           page, source_row, source_line
    FROM fact_income
    UNION ALL
    SELECT document_sha256, 'fact_expenditure', source_table,
           concat_ws(' | ', fund_scope, COALESCE(subject_code, row_label), expenditure_type),
           amount_yuan, NULL, '元', cell_flag, page, source_row, source_line
    FROM fact_expenditure
    UNION ALL
    SELECT document_sha256, 'fact_summary_line', source_table, concat_ws(' | ', side, item, column_name),
           amount_yuan, NULL, '元', cell_flag, page, source_row, source_line
    FROM fact_summary_line
    UNION ALL
    SELECT document_sha256, 'fact_basic_expenditure', source_table,
           concat_ws(' | ', COALESCE(economic_code, row_label), cost_group), amount_yuan, NULL, '元', cell_flag,
           page, source_row, source_line
    FROM fact_basic_expenditure
    UNION ALL
    SELECT document_sha256, 'fact_three_public', source_table, concat_ws(' | ', item, '预算数'),
           budget_yuan, NULL, '元', COALESCE(budget_flag, 'blank'), page, source_row, source_line
    FROM fact_three_public
    UNION ALL
    SELECT document_sha256, 'fact_three_public', source_table, concat_ws(' | ', item, '决算数'),
           actual_yuan, NULL, '元', COALESCE(actual_flag, 'blank'), page, source_row, source_line
    FROM fact_three_public
    UNION ALL
    SELECT document_sha256, 'fact_disclosure_stat', source_table, concat_ws(' | ', section, item, measure),
           COALESCE(amount_yuan, count_value), NULL, CASE WHEN measure = 'amount' THEN '元' ELSE '个' END,
           cell_flag, page, source_row, source_line
    FROM fact_disclosure_stat
    UNION ALL
    SELECT document_sha256, 'fact_project_performance', source_table, concat_ws(' | ', project_name, m.name),
           m.value, m.text, m.unit, CASE WHEN m.value IS NULL AND m.text IS NULL THEN 'blank' ELSE 'value' END,
           page, source_row, source_line
    FROM (SELECT *, unnest([
              {'name': '年初预算数', 'value': initial_budget_yuan::DECIMAL(20,4), 'text': NULL::VARCHAR, 'unit': '元'},
              {'name': '全年预算数', 'value': annual_budget_yuan::DECIMAL(20,4), 'text': NULL, 'unit': '元'},
              {'name': '全年执行数', 'value': executed_yuan::DECIMAL(20,4), 'text': NULL, 'unit': '元'},
              {'name': '资金结（转）余', 'value': balance_yuan::DECIMAL(20,4), 'text': NULL, 'unit': '元'},
              {'name': '执行率', 'value': execution_rate::DECIMAL(20,4), 'text': NULL, 'unit': '%'},
              {'name': '总分', 'value': total_score::DECIMAL(20,4), 'text': NULL, 'unit': '分'},
              {'name': '评价等级', 'value': NULL, 'text': grade, 'unit': NULL}]) AS m
          FROM fact_project_performance)
    UNION ALL
    SELECT document_sha256, 'fact_performance_indicator', source_table,
           concat_ws(' | ', project_name, level1, level2, level3, '实际完成值'), NULL, actual_value, NULL,
           CASE WHEN actual_value IS NULL OR actual_value = '' THEN 'blank' ELSE 'value' END,
           page, source_row, source_line
    FROM fact_performance_indicator
    UNION ALL
    SELECT document_sha256, 'fact_performance_indicator', source_table,
           concat_ws(' | ', project_name, level1, level2, level3, '得分'), score, NULL, '分',
           CASE WHEN score IS NULL THEN 'blank' ELSE 'value' END, page, source_row, source_line
    FROM fact_performance_indicator
    UNION ALL
    SELECT document_sha256, 'fact_staffing', source_table, measure, headcount, NULL, '人', 'value', page, source_row,
           source_line
    FROM fact_staffing
    UNION ALL
    SELECT document_sha256, 'fact_internal_department', source_table, concat('内设机构 ', seq), NULL,
           internal_department, NULL, 'value', page, source_row, source_line
    FROM fact_internal_department
    UNION ALL
    SELECT document_sha256, 'fact_narrative', source_table, concat_ws(' | ', section, subject, quantity, measure),
           value, NULL, unit, 'value', page, source_row, source_line
    FROM fact_narrative
)
SELECT document_sha256, fact_table, source_table,
       concat_ws(' | ', source_table, cell) || CASE WHEN n > 1 THEN ' #' || n ELSE '' END AS cell_key,
       value, text, unit, flag, page, source_row
FROM (SELECT *, row_number() OVER (PARTITION BY document_sha256, fact_table, source_table, cell
                                   ORDER BY source_row, source_line, value, text) AS n
      FROM cells);

-- What changed between versions of a department-year: each version against the version that
-- was current when it was judged (compared_with; pipelines/warehouse/publication.py), one row
-- per cell added, removed or changed. Money in 万元 (unit says), like every analysts' view. A
-- duplicate version (same facts, other bytes) has no rows here.
CREATE OR REPLACE VIEW v_version_changes AS
WITH pairs AS (
    SELECT document_sha256 AS new_document, compared_with AS old_document
    FROM dim_document WHERE compared_with IS NOT NULL
),
old AS (SELECT p.new_document, c.* FROM pairs p JOIN v_fact_cell c ON c.document_sha256 = p.old_document),
new AS (SELECT p.new_document, c.* FROM pairs p JOIN v_fact_cell c ON c.document_sha256 = p.new_document),
changes AS (
    SELECT COALESCE(n.new_document, o.new_document) AS new_document,
           COALESCE(n.fact_table, o.fact_table) AS fact_table,
           COALESCE(n.source_table, o.source_table) AS source_table,
           COALESCE(n.cell_key, o.cell_key) AS cell_key,
           COALESCE(n.unit, o.unit) AS unit,
           CASE WHEN o.cell_key IS NULL THEN 'added' WHEN n.cell_key IS NULL THEN 'removed' ELSE 'changed' END
               AS change,
           o.value AS old_value, n.value AS new_value, o.text AS old_text, n.text AS new_text,
           o.flag AS old_flag, n.flag AS new_flag, o.page AS old_page, n.page AS new_page
    FROM old o FULL OUTER JOIN new n ON o.new_document = n.new_document AND o.cell_key = n.cell_key
    WHERE o.cell_key IS NULL OR n.cell_key IS NULL OR o.value IS DISTINCT FROM n.value
          OR o.text IS DISTINCT FROM n.text OR o.flag IS DISTINCT FROM n.flag
)
SELECT dep.department_name AS department, nd.fiscal_year, nd.kind,
       od.file_name AS old_file, od.status AS old_status, od.published_at AS old_published_at,
       nd.file_name AS new_file, nd.status AS new_status, nd.published_at AS new_published_at,
       c.change, c.fact_table, c.source_table, c.cell_key,
       CASE WHEN c.unit = '元' THEN c.old_value * 0.0001 ELSE c.old_value END AS old_value,
       CASE WHEN c.unit = '元' THEN c.new_value * 0.0001 ELSE c.new_value END AS new_value,
       CASE WHEN c.unit = '元' THEN '万元' ELSE c.unit END AS unit,
       c.old_text, c.new_text, c.old_flag, c.new_flag, c.old_page, c.new_page,
       od.document_sha256 AS old_document, nd.document_sha256 AS new_document
FROM changes c
JOIN dim_document nd ON nd.document_sha256 = c.new_document
JOIN dim_document od ON od.document_sha256 = nd.compared_with
LEFT JOIN dim_department dep ON dep.department_key = nd.department_key;

-- 情况说明 figures that differ from the tables they restate: one row per mismatch of a current
-- document (its narrative_consistency findings), in 万元 for money like every analysts' view.
-- table_value is NULL when the table's cell is blank; beyond_rounding: more than rounding explains.
CREATE OR REPLACE VIEW v_narrative_mismatch AS
SELECT cd.department, cd.fiscal_year, cd.disclosure_level,
       regexp_extract(v.location, '\((.*)\)', 1) AS subject,
       v.check_name AS "check",
       CASE WHEN v.unit = '元' THEN v.actual * 0.0001 ELSE v.actual END AS narrative_value,
       CASE WHEN v.unit = '元' THEN v.expected * 0.0001 ELSE v.expected END AS table_value,
       CASE WHEN v.unit = '元' THEN v.difference * 0.0001 ELSE v.difference END AS difference,
       CASE WHEN v.unit = '元' THEN '万元' ELSE v.unit END AS unit,
       abs(v.difference) > COALESCE(v.tolerance, 0) AS beyond_rounding,
       NULLIF(regexp_extract(v.detail, '((?:公开|预算)[0-9]{2})', 1), '') AS "table",
       n.page, n.sentence, v.location_row AS source_line, v.detail, v.document_sha256
FROM fact_validation v
JOIN v_current_document cd USING (document_sha256)
LEFT JOIN (SELECT document_sha256, source_line, min(page) AS page, min(sentence) AS sentence
           FROM fact_narrative GROUP BY ALL) n
       ON n.document_sha256 = v.document_sha256 AND n.source_line = v.location_row
WHERE v.suite = 'narrative_consistency' AND NOT v.success AND v.check_name <> 'summary';

-- Budget meets actual. A 预算 and a 决算 of the same fiscal year and disclosure level are paired
-- when their department names are the same department: equal once '与' is read as '和' (or as
-- warehouse/department_aliases.csv names them, dim_department_alias), or equal but for leading
-- administrative areas (上海市普陀区规划和自然资源局 and 规划和自然资源局; never 山西省… and 河南省…).
-- Subjects meet on the printed leaf 功能分类 code (class_code rolls them up).
CREATE OR REPLACE MACRO conformed_department(name) AS
    COALESCE((SELECT a.conformed FROM dim_department_alias a WHERE a.alias = name), replace(name, '与', '和'));

CREATE OR REPLACE MACRO area_prefixed(longer, shorter) AS
    length(longer) > length(shorter) AND ends_with(longer, shorter)
    AND regexp_matches(left(longer, length(longer) - length(shorter)), '^(?:[^省市区县]{1,8}[省市区县])+$');

CREATE OR REPLACE MACRO same_department(a, b) AS
    conformed_department(a) = conformed_department(b)
    OR area_prefixed(conformed_department(a), conformed_department(b))
    OR area_prefixed(conformed_department(b), conformed_department(a));

CREATE OR REPLACE VIEW budget_actual_pair AS   -- internal: current 预算 and 决算 documents paired
SELECT b.document_sha256 AS budget_document, a.document_sha256 AS actual_document,
       a.department, b.department AS budget_department, a.fiscal_year, a.disclosure_level
FROM v_current_document b
JOIN v_current_document a
  ON b.kind = '预算' AND a.kind = '决算' AND a.fiscal_year = b.fiscal_year
 AND a.disclosure_level = b.disclosure_level
 AND same_department(a.department, b.department);

CREATE OR REPLACE VIEW v_budget_vs_actual AS   -- 预算03 against 公开03 of the same year, per 功能分类 subject
WITH budget AS (
    SELECT p.*, e.subject_code, any_value(e.subject_name) AS subject_name, sum(e.amount_wan) AS budget_wan
    FROM budget_actual_pair p JOIN v_budget_expenditure e ON e.document_sha256 = p.budget_document
    GROUP BY ALL
), actual AS (
    SELECT p.*, e.subject_code, any_value(e.subject_name) AS subject_name, sum(e.amount_wan) AS actual_wan
    FROM budget_actual_pair p JOIN v_expenditure e ON e.document_sha256 = p.actual_document
    GROUP BY ALL
)
SELECT COALESCE(a.department, b.department) AS department,
       COALESCE(a.fiscal_year, b.fiscal_year) AS fiscal_year,
       COALESCE(a.disclosure_level, b.disclosure_level) AS disclosure_level,
       COALESCE(a.subject_code, b.subject_code) AS subject_code,
       COALESCE(a.subject_name, b.subject_name) AS subject_name,
       left(COALESCE(a.subject_code, b.subject_code), 3) AS class_code,
       b.budget_wan, a.actual_wan,
       CASE WHEN b.budget_wan <> 0 THEN CAST(round(a.actual_wan * 100 / b.budget_wan, 2) AS DECIMAL(10,2)) END
           AS execution_rate,
       COALESCE(a.budget_document, b.budget_document) AS budget_document,
       COALESCE(a.actual_document, b.actual_document) AS actual_document
FROM budget b
FULL JOIN actual a
  ON a.budget_document = b.budget_document AND a.actual_document = b.actual_document
 AND a.subject_code = b.subject_code;

CREATE OR REPLACE VIEW v_budget_vs_actual_unmatched AS   -- current documents with no partner of the other kind
SELECT cd.department, cd.fiscal_year, cd.disclosure_level, cd.kind, cd.file_name,
       conformed_department(cd.department) AS conformed_department,
       CASE WHEN cd.kind = '预算' THEN 'no current 决算 of this conformed department, year and level'
            ELSE 'no current 预算 of this conformed department, year and level' END AS reason,
       cd.document_sha256
FROM v_current_document cd
WHERE NOT EXISTS (SELECT 1 FROM budget_actual_pair p
                  WHERE cd.document_sha256 IN (p.budget_document, p.actual_document));

CREATE OR REPLACE VIEW v_budget_vs_actual_printed AS   -- the budget figures a 决算 prints itself, beside its actuals
WITH printed AS (
    SELECT department, fiscal_year, disclosure_level, '三公经费' AS source, item,
           budget_wan, actual_wan, NULL::DECIMAL(10,2) AS printed_rate,
           document_sha256, source_table, page, source_line, source_row
    FROM three_public_rows(['公开09'], 'item')   -- 预算数 and 决算数 of each 三公 item
    UNION ALL
    SELECT department, fiscal_year, disclosure_level, '绩效自评表', project_name,
           initial_budget_wan, executed_wan, NULL,   -- 年初预算数 and 全年执行数 of each project
           document_sha256, source_table, page, source_line, source_row
    FROM v_project_performance
    UNION ALL
    SELECT b.department, b.fiscal_year, b.disclosure_level, '情况说明', b.subject,
           CAST(b.value AS DECIMAL(20,2)) * 0.0001, a.value_wan,   -- 年初预算, 支出决算, 完成…预算的 %
           CAST(r.value AS DECIMAL(10,2)),
           b.document_sha256, b.source_table, b.page, b.source_line, b.source_row
    FROM v_narrative b   -- a stated amount finer than a fen (a validation finding) is not among these
    LEFT JOIN (SELECT document_sha256, source_line, sentence, quantity,
                      any_value(CAST(value AS DECIMAL(20,2)) * 0.0001) AS value_wan
               FROM v_narrative WHERE measure = 'amount' AND value = round(value, 2) GROUP BY ALL) a
      ON (a.document_sha256, a.source_line, a.sentence, a.quantity)
       = (b.document_sha256, b.source_line, b.sentence, b.quantity)
    LEFT JOIN (SELECT document_sha256, source_line, sentence, quantity, any_value(value) AS value
               FROM v_narrative WHERE measure = 'completion_pct' GROUP BY ALL) r
      ON (r.document_sha256, r.source_line, r.sentence, r.quantity)
       = (b.document_sha256, b.source_line, b.sentence, b.quantity)
    WHERE b.measure = 'budget' AND b.kind = '决算' AND b.value = round(b.value, 2)
)
SELECT department, fiscal_year, disclosure_level, source, item, budget_wan, actual_wan,
       CASE WHEN budget_wan <> 0 THEN CAST(round(actual_wan * 100 / budget_wan, 2) AS DECIMAL(10,2)) END
           AS execution_rate,
       printed_rate, document_sha256, source_table, page, source_line, source_row
FROM printed;
