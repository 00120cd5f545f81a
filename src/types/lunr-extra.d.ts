// lunr 2.3.9 API that @types/lunr 2.3.7 leaves out: clause presence and two TokenSet builders.
import "lunr";

declare module "lunr" {
  namespace TokenSet {
    function fromArray(terms: string[]): TokenSet;
    function fromClause(clause: Query.Clause): TokenSet;
  }
  namespace Query {
    interface Clause {
      presence?: presence;
    }
  }
  class QueryParser {
    constructor(str: string, query: Query);
    parse(): Query;
  }
}
