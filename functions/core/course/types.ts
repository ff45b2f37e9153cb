/** Shapes produced by the course compiler; shared by the scoring function and the web build. */

export type QuestionType = 'single' | 'multiple';

export interface QuestionOption {
  id: string;
  text: string;
}

/** A question as the server holds it: with its answer key and explanation. */
export interface BankQuestion {
  id: string;
  type: QuestionType;
  section: string;
  prompt: string;
  options: QuestionOption[];
  correctOptionIds: string[];
  explanation: string;
}

export interface QuestionBank {
  moduleId: string;
  title: string;
  passMark: number;
  /** Hash of the module's files, so a result can say which version of the content was passed. */
  contentVersion: string;
  questions: BankQuestion[];
}

export type QuestionBanks = Record<string, QuestionBank>;

export interface LessonSection {
  id: string;
  title: string;
  depth: number;
}

/** What the web build may see of a module: no questions, no answers, no explanations. */
export interface ModulePage {
  id: string;
  order: number;
  title: string;
  summary: string;
  objectives: string[];
  passMark: number;
  contentVersion: string;
  questionCount: number;
  sections: LessonSection[];
  html: string;
}
