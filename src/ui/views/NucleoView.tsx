import { Button, Caption1, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { METHODOLOGY_PRESETS, type Analysis, type MethodologyPreset, type ObjectiveScore, type Override, type ReviewKind, type Scores } from "../../engine";
import { compareScores, defaultReviewDate, type WhatIf } from "../logic/nucleo";
import { objectivesOf as allObjectives } from "../logic/workbook-data";
import { NoCardsMessage } from "../components/NoCardsMessage";
import { OverrideDialog, type OverrideDialogProps } from "../components/OverrideDialog";
import { ScoreChart } from "../components/ScoreChart";
import { useReturnFocus } from "../hooks/useReturnFocus";
import { ObjectiveScoresTable, OwnerScoresTable } from "../components/ScoreTables";
import { NO_FILTER, filterScores, structuresOf, type ScoreFilter } from "../logic/score-filter";
import { formatDate, formatNumber, strings } from "../strings";

/** Objectives past this many get the filter bar. */
const FILTER_FROM = 20;
/** Rows drawn at first, and added by each «Mostra altri». */
const PAGE = 50;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  hint: {
    color: tokens.colorNeutralForeground2,
    margin: 0,
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    "& > *": { flexGrow: 1, flexBasis: "12em", minWidth: 0 },
  },
});

export interface NucleoViewProps {
  analysis: Analysis | null;
  busy: boolean;
  canCompute: boolean;
  /** Year of the plan: the review date proposed is its 30/09 (interim) or 31/12 (final). */
  planYear: number;
  /** True when `analysis` is a review the Nucleo computed (its date and kind are shown); false for a plain check. */
  reviewed: boolean;
  /** `preset` null: the methodology of the Metodologia sheet. */
  onCompute(asOf: string, review: ReviewKind, preset: MethodologyPreset["id"] | null): void;
  /** Scores under a preset, before anything is written (the what-if); null when not available. */
  preview?(preset: MethodologyPreset["id"]): Promise<Scores | null>;
  onWrite(): void;
  onOverride(override: Override): void;
  onRemoveOverride(objectiveId: string): void;
}

/** The Nucleo's view: review date and kind, means and scores, the chart per owner, overrides. */
export function NucleoView(props: NucleoViewProps) {
  const { analysis, busy, canCompute, planYear, reviewed, onCompute, onWrite, onOverride, onRemoveOverride, preview } = props;
  const styles = useStyles();
  const writeHint = useId("write-hint");
  const methodologyHint = useId("methodology-hint");
  const initialReview: ReviewKind = reviewed && analysis ? analysis.scores.review : "final";
  const [review, setReview] = useState<ReviewKind>(initialReview);
  const [asOf, setAsOf] = useState(reviewed && analysis ? analysis.scores.asOf : defaultReviewDate(planYear, initialReview));
  // Once the Nucleo types a date, changing the kind no longer moves it.
  const [dateTyped, setDateTyped] = useState(false);
  const [preset, setPreset] = useState<MethodologyPreset["id"] | "">("");
  const [whatIf, setWhatIf] = useState<WhatIf | null>(null);
  const [editing, setEditing] = useState<OverrideDialogProps["target"]>(null);
  // Back to the row's «Correggi» when the dialog closes, however it closes.
  const rememberOpener = useReturnFocus(editing !== null);

  // A computed review brings its own date and kind; a plain check (its date is today) does not.
  // Keyed on the analysis and the plan year: the kind and whether the date was typed are read as
  // they are then (changing the kind alone has its own handler).
  const typed = useRef({ dateTyped, review });
  typed.current = { dateTyped, review };
  useEffect(() => {
    if (analysis && reviewed) {
      setAsOf(analysis.scores.asOf);
      setReview(analysis.scores.review);
    } else if (!typed.current.dateTyped) setAsOf(defaultReviewDate(planYear, typed.current.review));
  }, [analysis, reviewed, planYear]);

  // What-if: the scores under the chosen preset, beside the current ones.
  useEffect(() => {
    let live = true;
    setWhatIf(null);
    if (preset === "" || !analysis || !preview) return;
    void preview(preset).then((after) => {
      if (live && after) setWhatIf(compareScores(analysis.scores, after));
    });
    return () => {
      live = false;
    };
  }, [preset, analysis, preview]);

  const titles = useMemo(() => {
    const map = new Map<string, string>();
    if (analysis) for (const o of allObjectives(analysis.plan)) map.set(o.id, `${o.number ? `${o.number}. ` : ""}${o.title}`);
    return map;
  }, [analysis]);
  const titleOf = (id: string) => titles.get(id) ?? id;
  // A card without any achieved value (often a layout with no «Valore raggiunto» column) scores 0:
  // the table says the values are missing rather than show 0% as if it were a result.
  const withoutActuals = useMemo(
    () =>
      new Set(
        analysis ? allObjectives(analysis.plan).filter((o) => o.indicators.length > 0 && o.indicators.every((i) => i.actual === null)).map((o) => o.id) : [],
      ),
    [analysis],
  );
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);

  // A plan of hundreds of objectives: narrow it by structure and words, and draw the rows a page
  // at a time (600 rows at once made a 44,000 px list and a one-second tab switch).
  const [filter, setFilter] = useState<ScoreFilter>(NO_FILTER);
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [filter]);
  const structures = useMemo(() => (analysis ? structuresOf(analysis.scores.objectives) : []), [analysis]);
  useEffect(() => {
    if (filter.structure !== null && !structures.includes(filter.structure)) setFilter((f) => ({ ...f, structure: null }));
  }, [structures, filter.structure]);
  const filtered = useMemo(
    () => (analysis ? filterScores(analysis.scores.objectives, analysis.scores.owners, (id) => titles.get(id) ?? id, filter) : { objectives: [], owners: [] }),
    [analysis, titles, filter],
  );
  const showFilters = (analysis?.scores.objectives.length ?? 0) > FILTER_FROM;
  const shown = filtered.objectives.slice(0, limit);

  const startOverride = (o: ObjectiveScore) => {
    rememberOpener();
    setEditing({ objectiveId: o.objectiveId, title: titleOf(o.objectiveId), computed: o.score, current: o.override ? { objectiveId: o.objectiveId, ...o.override } : null });
  };

  return (
    <div className={styles.root}>
      {/* tabIndex -1: the pane moves focus here once a file is open (App). */}
      <h2 className={styles.heading} tabIndex={-1} data-view-heading>
        {strings.nucleo.title}
      </h2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (validDate && !busy) onCompute(asOf, review, preset === "" ? null : preset);
        }}
      >
        <Field label={strings.nucleo.reviewDate} required>
          <Input
            type="date"
            value={asOf}
            onChange={(_, d) => {
              setAsOf(d.value);
              setDateTyped(true);
            }}
          />
        </Field>
        <Field label={strings.nucleo.reviewKind}>
          <RadioGroup
            layout="horizontal"
            value={review}
            onChange={(_, d) => {
              const kind = d.value as ReviewKind;
              setReview(kind);
              if (!dateTyped) setAsOf(defaultReviewDate(planYear, kind));
            }}
          >
            <Radio value="interim" label={strings.nucleo.reviewKinds.interim} />
            <Radio value="final" label={strings.nucleo.reviewKinds.final} />
          </RadioGroup>
        </Field>
        <Field label={strings.nucleo.methodology} hint={{ id: methodologyHint, children: strings.nucleo.methodologyHint }}>
          <Select value={preset} onChange={(_, d) => setPreset(d.value as MethodologyPreset["id"] | "")} data-methodology>
            <option value="">{strings.nucleo.methodologyFromSheet}</option>
            {METHODOLOGY_PRESETS.map((p) => (
              <option key={p.id} value={p.id} title={p.description}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        {whatIf && <WhatIfPanel whatIf={whatIf} titleOf={titleOf} />}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy || !canCompute || !validDate} disabledFocusable={busy}>
            {strings.nucleo.compute}
          </Button>
          <Button type="button" disabled={busy || !analysis} disabledFocusable={busy} onClick={onWrite} aria-describedby={writeHint}>
            {strings.nucleo.writeFormulas}
          </Button>
        </div>
        <Caption1 id={writeHint} className={styles.hint}>
          {strings.nucleo.writeHint}
        </Caption1>
      </form>

      {!analysis && <p className={styles.hint}>{strings.nucleo.notComputed}</p>}
      {analysis && titles.size === 0 && <NoCardsMessage />}
      {analysis && titles.size > 0 && (
        <>
          <Caption1 data-scores-for={`${analysis.scores.review}:${analysis.scores.asOf}`}>
            {strings.nucleo.reviewKinds[analysis.scores.review]} — {formatDate(analysis.scores.asOf)}
          </Caption1>
          {showFilters && (
            <div className={styles.filters} role="search" aria-label={strings.nucleo.filterLabel}>
              <Field label={strings.nucleo.filterStructure}>
                <Select
                  value={filter.structure ?? ""}
                  onChange={(_, d) => setFilter((f) => ({ ...f, structure: d.value === "" ? null : d.value }))}
                >
                  <option value="">{strings.nucleo.allStructures}</option>
                  {structures.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={strings.nucleo.filterSearch}>
                <Input type="search" value={filter.query} onChange={(_, d) => setFilter((f) => ({ ...f, query: d.value }))} />
              </Field>
            </div>
          )}
          {showFilters && (
            <Caption1 role="status" data-filter-count>
              {strings.nucleo.filterCount(filtered.objectives.length, analysis.scores.objectives.length)}
            </Caption1>
          )}
          <section aria-label={strings.nucleo.chartTitle}>
            <h3 className={styles.subheading}>{strings.nucleo.chartTitle}</h3>
            <ScoreChart owners={filtered.owners} />
          </section>
          <OwnerScoresTable owners={filtered.owners} />
          <h3 className={styles.subheading}>{strings.nucleo.objectivesTable}</h3>
          <ObjectiveScoresTable
            objectives={shown}
            titleOf={titleOf}
            actualsMissing={(id) => withoutActuals.has(id)}
            onOverride={startOverride}
            disabled={busy}
          />
          {filtered.objectives.length > shown.length && (
            <Button onClick={() => setLimit((n) => n + PAGE)} data-show-more>
              {strings.nucleo.showMore(Math.min(PAGE, filtered.objectives.length - shown.length), filtered.objectives.length - shown.length)}
            </Button>
          )}
        </>
      )}
      <OverrideDialog
        target={editing}
        onClose={() => setEditing(null)}
        onSave={(o) => {
          setEditing(null);
          onOverride(o);
        }}
        onRemove={(id) => {
          setEditing(null);
          onRemoveOverride(id);
        }}
      />
    </div>
  );
}

const pct = (n: number | null): string => (n === null ? strings.nucleo.notComputable : formatNumber(n));

/** Before → after of each owner and the objectives that move most, under the chosen preset. */
function WhatIfPanel({ whatIf, titleOf }: { whatIf: WhatIf; titleOf(id: string): string }) {
  return (
    <section aria-label={strings.nucleo.whatIfTitle} data-what-if>
      <Caption1>{strings.nucleo.whatIfOwners}</Caption1>
      <ul>
        {whatIf.owners.map((o) => (
          <li key={`${o.structure}-${o.owner}`} data-owner={o.owner}>
            {o.owner}: {strings.nucleo.whatIfChange(`${pct(o.before)} (${o.bandBefore ?? "—"})`, `${pct(o.after)} (${o.bandAfter ?? "—"})`)}
          </li>
        ))}
      </ul>
      <Caption1>{strings.nucleo.whatIfMoved}</Caption1>
      {whatIf.moved.length === 0 ? (
        <p>{strings.nucleo.whatIfNone}</p>
      ) : (
        <ul>
          {whatIf.moved.map((m) => (
            <li key={m.objectiveId} data-moved={m.objectiveId}>
              {titleOf(m.objectiveId)}: {strings.nucleo.whatIfChange(pct(m.before), pct(m.after))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
