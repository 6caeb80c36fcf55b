import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/value-unreadable";

describeRuleCases(cases);
