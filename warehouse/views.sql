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
       v.document_sha256, d.file_name, v.validated_at
FROM fact_validation v
JOIN dim_document d USING (document_sha256)
LEFT JOIN dim_department dep USING (department_key);

CREATE OR REPLACE VIEW v_documents AS
SELECT d.document_sha256, d.file_name, dep.department_name AS department, d.fiscal_year, d.kind,
       d.scope, d.amount_unit, d.status, d.status_reason, d.superseded_by, d.parser,
       d.tables_found, d.page_count, d.ingested_at, d.run_id
FROM dim_document d LEFT JOIN dim_department dep USING (department_key);

CREATE OR REPLACE VIEW v_ingestion_log AS
SELECT l.logged_at, l.run_id, l.file_name, l.source, l.status, l.reason, l.duration_ms,
       dep.department_name AS department, d.fiscal_year, d.status AS document_status,
       l.document_sha256
FROM ingestion_log l
LEFT JOIN dim_document d USING (document_sha256)
LEFT JOIN dim_department dep USING (department_key);
