-- Analysts' views: stable names and columns, amounts in 万元 (exact DECIMAL), only documents
-- whose status is 'current' (the latest valid version of each department-year), and only
-- cells that hold a number (blank / "-" / "——" cells stay in the fact tables with their flag).
-- Multiplying by 0.0001 keeps DECIMAL (a division would give DOUBLE).

CREATE OR REPLACE VIEW v_current_document AS
SELECT d.*, dep.department_name AS department
FROM dim_document d JOIN dim_department dep USING (department_key)
WHERE d.status = 'current';

CREATE OR REPLACE VIEW v_income AS
SELECT cd.department, f.fiscal_year, f.subject_code,
       COALESCE(s.subject_name, f.row_label) AS subject_name,
       COALESCE(s.subject_level, '合计') AS subject_level,
       f.income_source, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_income f
JOIN v_current_document cd USING (document_sha256)
LEFT JOIN dim_function_subject s USING (subject_code)
WHERE f.cell_flag = 'value';

CREATE OR REPLACE VIEW v_expenditure AS
SELECT cd.department, f.fiscal_year, f.fund_scope, f.subject_code,
       COALESCE(s.subject_name, f.row_label) AS subject_name,
       COALESCE(s.subject_level, '合计') AS subject_level,
       f.expenditure_type, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_expenditure f
JOIN v_current_document cd USING (document_sha256)
JOIN dim_expenditure_type t USING (expenditure_type)
LEFT JOIN dim_function_subject s USING (subject_code)
WHERE f.cell_flag = 'value' AND t.is_expenditure;

CREATE OR REPLACE VIEW v_summary AS
SELECT cd.department, f.fiscal_year, f.source_table, f.side, f.item, f.item_label, f.line_no,
       f.column_name, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.page, f.source_line, f.source_row
FROM fact_summary_line f
JOIN v_current_document cd USING (document_sha256)
WHERE f.cell_flag = 'value';

CREATE OR REPLACE VIEW v_basic_expenditure AS
SELECT cd.department, f.fiscal_year, f.economic_code,
       COALESCE(e.economic_name, f.row_label) AS economic_name,
       f.cost_group, f.amount_yuan * 0.0001 AS amount_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_basic_expenditure f
JOIN v_current_document cd USING (document_sha256)
LEFT JOIN dim_economic_subject e USING (economic_code)
WHERE f.cell_flag = 'value';

CREATE OR REPLACE VIEW v_three_public AS
SELECT cd.department, f.fiscal_year, f.item,
       f.budget_yuan * 0.0001 AS budget_wan, f.actual_yuan * 0.0001 AS actual_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_three_public f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_disclosure_stat AS
SELECT cd.department, f.fiscal_year, f.section, f.item, f.line_no, f.measure,
       f.amount_yuan * 0.0001 AS amount_wan, f.count_value,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_disclosure_stat f
JOIN v_current_document cd USING (document_sha256)
WHERE f.cell_flag = 'value';

CREATE OR REPLACE VIEW v_project_performance AS
SELECT cd.department, f.fiscal_year, f.project_name,
       f.annual_budget_yuan * 0.0001 AS budget_wan, f.executed_yuan * 0.0001 AS executed_wan,
       f.execution_rate, f.total_score AS score, f.grade,
       f.initial_budget_yuan * 0.0001 AS initial_budget_wan, f.balance_yuan * 0.0001 AS balance_wan,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_project_performance f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_performance_indicator AS
SELECT cd.department, f.fiscal_year, f.project_name, f.level1, f.level2, f.level3,
       f.target_initial, f.target_adjusted, f.actual_value, f.weight, f.score, f.deviation_reason,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_performance_indicator f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_staffing AS
SELECT cd.department, f.fiscal_year, f.measure, f.headcount,
       f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_staffing f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_narrative AS
SELECT cd.department, f.fiscal_year, f.section, f.subject, f.quantity, f.measure,
       CASE WHEN f.unit = '元' THEN f.value * 0.0001 END AS value_wan,
       f.value, f.unit,
       CASE WHEN f.unit = '元' THEN f.prior_year_value * 0.0001 END AS prior_year_value_wan,
       f.sentence, f.document_sha256, f.source_table, f.page, f.source_line, f.source_row
FROM fact_narrative f
JOIN v_current_document cd USING (document_sha256);

CREATE OR REPLACE VIEW v_validation AS
SELECT dep.department_name AS department, d.fiscal_year, d.status AS document_status,
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
       d.scope, d.amount_unit, d.status, d.status_reason, d.superseded_by, d.parser,
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
