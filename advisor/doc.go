// Package advisor is medpath's domain: it turns a person's answers to the
// questionnaire into a ranked, explained career recommendation, and it is
// the one place that words what medpath says about answers, money, months,
// sources and licences. It imports no terminal package and nothing else of
// medpath's; it reads an [io/fs.FS] and writes to an [io.Writer].
//
// # Loading
//
// [Load] reads the YAML data (the embedded files, then a counselor's overlay
// folders), checks every key, reference, figure and source, compiles every
// condition once against the questionnaire's types, and returns an [Engine]
// or a [*DataError] that lists every problem as file:line:col. The engine is
// read-only and safe for concurrent use.
//
// # Answers
//
// [Answers] maps question ids to typed values (see [Kind]).
// [Engine.ParseAnswers] reads an answers file, [Engine.Template] writes a
// blank one and [Engine.MarshalAnswers] saves answers. [Engine.Visible] lists
// the questions to ask and [Engine.VisibleAnswers] the answers that count:
// an answer to a question hidden by another answer is left out.
// [Question.ParseNumber] reads a typed number the way both front ends do, and
// [Question.AnswerText] words any answer in the question's own terms.
//
// # Recommending
//
// [Engine.Recommend] ranks every path and builds each one's plan,
// certification routes, licence, pay and outlook; it is pure and
// deterministic. [Engine.Top] is the same ranking for the top path only, as
// [Engine.Batch] needs for a cohort. [Engine.WhatWouldChange] finds the
// smallest answer changes that would meet an unmet requirement, and
// [Engine.Compare] says what changes between two sets of answers.
//
// # Writing
//
// [Engine.WriteReport] renders a recommendation as text, Markdown, JSON or
// HTML, and [Engine.NewBatchWriter] a cohort. The functions in words.go
// ([Dollars], [MonthsText], [LicenceLine], [SalaryLine], [EligibleLabel],
// [Engine.SourceName] and others) are the wording both front ends use, so a
// screen and a report never say the same thing two ways.
package advisor
