import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/cells-outside-read";

describeRuleCases(cases);
