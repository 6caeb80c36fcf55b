import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/schedule-after-deadline";

describeRuleCases(cases);
